// A SAML 2.0 identity provider made with samlify, for the demo's peer test (SamlifyPeerTest) and the
// recipe in docs/other-identity-providers.md. One service provider, registered on the command line:
//
//   node saml-idp.mjs --key idp.key.pem --cert idp.cert.pem \
//     --sp-entity-id http://127.0.0.1:8080/saml/sp --acs http://127.0.0.1:8080/callback/saml \
//     --sp-cert sp.cert.pem [--port 7000] [--users users.json] [--authn-context URI]
//
// GET /metadata: its metadata (the URL is also its entity id). GET /sso: HTTP-Redirect SSO; the
// AuthnRequest must be signed by --sp-cert. It shows a login form (users.json), then posts the
// SAMLResponse to --acs: a signed assertion (RSA-SHA256) for --sp-entity-id, the AuthnContextClassRef
// --authn-context (default PasswordProtectedTransport), and the attributes givenName, sn and mail. Prints "READY <base URL>"
// once listening on 127.0.0.1; stops on SIGTERM or when its standard input ends.
import fs from 'node:fs';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import * as validator from '@authenio/samlify-node-xmllint';
import samlify from 'samlify';

const options = {};
for (let i = 2; i < process.argv.length; i += 2) {
  options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
for (const required of ['key', 'cert', 'sp-entity-id', 'acs', 'sp-cert']) {
  if (!options[required]) {
    console.error(`missing --${required}`);
    process.exit(2);
  }
}
const users = JSON.parse(fs.readFileSync(options.users ?? new URL('./users.json', import.meta.url), 'utf8'));
samlify.setSchemaValidator(validator);

const basic = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';
// samlify's default response template, with the AuthnStatement that SAML's Web SSO profile requires.
const template = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}"><saml:Issuer>{Issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="{StatusCode}"/></samlp:Status>'
  + '<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}"><saml:Issuer>{Issuer}</saml:Issuer>'
  + '<saml:Subject><saml:NameID Format="{NameIDFormat}">{NameID}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Destination}" InResponseTo="{InResponseTo}"/></saml:SubjectConfirmation></saml:Subject>'
  + '<saml:Conditions NotBefore="{IssueInstant}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>'
  + '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{SessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>{AuthnContextClassRef}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>'
  + '{AttributeStatement}</saml:Assertion></samlp:Response>';

const sp = samlify.ServiceProvider({
  entityID: options['sp-entity-id'],
  assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: options.acs }],
  signingCert: fs.readFileSync(options['sp-cert'], 'utf8'),
  authnRequestsSigned: true,
  wantAssertionsSigned: true,
});

const pending = new Map();
const server = http.createServer((req, res) => handle(req, res).catch((e) => page(res, 400, 'Refused', `<p>${escape(e.message ?? String(e))}</p>`)));
server.listen(Number(options.port ?? 0), '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  server.idp = samlify.IdentityProvider({
    entityID: `${base}/metadata`,
    privateKey: fs.readFileSync(options.key, 'utf8'),
    signingCert: fs.readFileSync(options.cert, 'utf8'),
    wantAuthnRequestsSigned: true,
    nameIDFormat: ['urn:oasis:names:tc:SAML:2.0:nameid-format:transient'],
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${base}/sso` }],
    loginResponseTemplate: {
      context: template,
      attributes: [
        { name: 'givenName', valueTag: 'givenName', nameFormat: basic, valueXsiType: 'xs:string' },
        { name: 'sn', valueTag: 'surname', nameFormat: basic, valueXsiType: 'xs:string' },
        { name: 'mail', valueTag: 'email', nameFormat: basic, valueXsiType: 'xs:string' },
      ],
    },
  });
  console.log(`READY ${base}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const idp = server.idp;
  if (req.method === 'GET' && url.pathname === '/metadata') {
    res.writeHead(200, { 'Content-Type': 'application/samlmetadata+xml' });
    return res.end(idp.getMetadata());
  }
  if (req.method === 'GET' && url.pathname === '/sso') {
    // The signature covers the parameters as they were sent (SAML Bindings 3.4.4.1).
    const raw = url.search.slice(1).split('&');
    const octetString = ['SAMLRequest', 'RelayState', 'SigAlg']
      .map((name) => raw.find((p) => p.startsWith(`${name}=`))).filter(Boolean).join('&');
    const request = await idp.parseLoginRequest(sp, 'redirect', { query: Object.fromEntries(url.searchParams), octetString });
    const id = randomUUID();
    pending.set(id, { request, relayState: url.searchParams.get('RelayState') ?? '' });
    return loginForm(res, 200, id, '');
  }
  if (req.method === 'POST' && url.pathname === '/login') {
    const form = new URLSearchParams(await body(req));
    const login = pending.get(form.get('login'));
    if (!login) {
      return page(res, 400, 'Refused', '<p>No login in progress.</p>');
    }
    const user = users.find((u) => u.username === form.get('username') && u.password === form.get('password'));
    if (!user) {
      return loginForm(res, 401, form.get('login'), '<p>Unknown user or wrong password.</p>');
    }
    pending.delete(form.get('login'));
    const now = new Date();
    const values = {
      ID: idp.entitySetting.generateID(), AssertionID: idp.entitySetting.generateID(), SessionIndex: idp.entitySetting.generateID(),
      IssueInstant: now.toISOString(), NotOnOrAfter: new Date(now.getTime() + 5 * 60000).toISOString(),
      Destination: options.acs, Audience: options['sp-entity-id'], Issuer: idp.entityMeta.getEntityID(),
      InResponseTo: login.request.extract.request.id, StatusCode: samlify.Constants.StatusCode.Success,
      NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient', NameID: `_${randomUUID()}`,
      AuthnContextClassRef: options['authn-context'] ?? 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
      attrGivenName: user.givenName, attrSurname: user.surname, attrEmail: user.email,
    };
    const response = await idp.createLoginResponse(sp, login.request, 'post', user,
      (xml) => ({ id: values.ID, context: samlify.SamlLib.replaceTagsByValue(xml, values) }));
    return page(res, 200, 'Signing you in', `<form method="post" action="${escape(options.acs)}">`
      + `<input type="hidden" name="SAMLResponse" value="${escape(response.context)}">`
      + `<input type="hidden" name="RelayState" value="${escape(login.relayState)}">`
      + '<noscript><button type="submit">Continue</button></noscript></form>'
      + '<script>document.forms[0].submit()</script>');
  }
  return page(res, 404, 'Not found', '');
}

function loginForm(res, status, id, message) {
  return page(res, status, 'Sign in', `${message}<form method="post" action="/login">`
    + `<input type="hidden" name="login" value="${escape(id)}">`
    + '<label>User <input name="username" autocomplete="username"></label>'
    + '<label>Password <input name="password" type="password"></label>'
    + '<button type="submit">Sign in</button></form>');
}

function page(res, status, title, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1>${html}</body></html>`);
}

function escape(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function body(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 100000) throw new Error('request too large');
  }
  return text;
}
