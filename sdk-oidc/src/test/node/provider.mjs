// panva oidc-provider on a random loopback port, for the sdk-oidc interop test (OidcProviderInteropTest).
// Usage: node provider.mjs <RS256|ES256> [fas|standard|standard-userinfo] [acr]. Prints "READY <issuer>" once
// listening; stops on SIGTERM or stdin end. fas (default): FAS claim names and level URNs. standard: the OIDC
// standard claims (and "nrn" under the scope nrn) in the ID token and userinfo, the given acr and amr ["pwd"];
// standard-userinfo: the same, the claims in userinfo only (OIDC Core 5.4: not in the ID token).
// Logins complete without a browser: an interaction middleware logs the test user in and grants consent.
import http from 'node:http';
import net from 'node:net';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const alg = process.argv[2] === 'ES256' ? 'ES256' : 'RS256';
const profile = process.argv[3] || 'fas';
const standard = profile.startsWith('standard');
const acr = process.argv[4] || 'urn:example:loa:gold';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const port = await freePort();
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = await jose.generateKeyPair(alg, { extractable: true });
const jwk = { ...(await jose.exportJWK(privateKey)), kid: `interop-${alg.toLowerCase()}`, alg, use: 'sig' };

const account = standard ? {
  sub: 'interop-user-2',
  given_name: 'Jan', family_name: 'Jansen', locale: 'nl-BE', email: 'jan.jansen@example.be', nrn: '85073003328',
} : {
  sub: 'interop-user-1',
  givenName: 'Alice', surname: 'Peeters', prefLanguage: 'nl', mail: 'alice@example.be',
  fedid: '0123456789abcdef0123456789abcdef01234567', egovNRN: '85073003328',
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'fedauth-interop',
    client_secret: 'fedauth-interop-secret-0123456789abcdef',
    redirect_uris: ['http://127.0.0.1:8080/callback/oidc'],
    post_logout_redirect_uris: ['http://127.0.0.1:8080/logged-out'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: alg,
    // ES256 run: userinfo as a signed JWT, as FAS does; RS256 run: plain JSON.
    ...(alg === 'ES256' ? { userinfo_signed_response_alg: 'ES256' } : {}),
  }],
  jwks: { keys: [jwk] },
  features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  scopes: standard ? ['openid', 'profile', 'email', 'nrn', 'offline_access'] : ['openid', 'profile', 'egovnrn', 'offline_access'],
  acrValues: standard ? [acr] : ['urn:be:fedict:iam:fas:Level450', 'urn:be:fedict:iam:fas:Level500'],
  claims: standard ? {
    openid: ['sub', 'acr', 'amr'], acr: null, amr: null,
    profile: ['given_name', 'family_name', 'locale'], email: ['email'], nrn: ['nrn'],
  } : {
    openid: ['sub', 'acr', 'amr'], acr: null, amr: null,
    profile: ['givenName', 'surname', 'prefLanguage', 'mail', 'fedid'],
    egovnrn: ['egovNRN'],
  },
  // Scope claims in the ID token too (the RP merges both), except standard-userinfo: userinfo only.
  conformIdTokenClaims: profile === 'standard-userinfo',
  pkce: { required: () => true },
  issueRefreshToken: async () => true,
  async findAccount(ctx, sub) {
    if (sub !== account.sub) return undefined;
    return { accountId: sub, async claims() { return { ...account }; } };
  },
});

// Headless interactions: log the test user in with the FAS eID level, then grant the requested scopes.
provider.use(async (ctx, next) => {
  if (ctx.method === 'GET' && ctx.path.startsWith('/interaction/')) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    let result;
    if (details.prompt.name === 'login') {
      result = { login: { accountId: account.sub, acr: 'urn:be:fedict:iam:fas:Level500', amr: ['urn:be:fedict:iam:fas:Level500', 'eid'] } };
    } else {
      const grant = details.grantId ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      result = { consent: { grantId: await grant.save() } };
    }
    // A standard provider states its own acr and an RFC 8176 method in amr.
    if (standard && result.login) result.login = { accountId: account.sub, acr, amr: ['pwd'] };
    return provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
  }
  return next();
});

const server = http.createServer(provider.callback());
server.listen(port, '127.0.0.1', () => { process.stdout.write(`READY ${issuer}\n`); });
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
