#!/usr/bin/env bash
# Installs Keycloak (the Quarkus distribution from Maven Central) for the sdk-saml interop test,
# which starts it on a random loopback port with a realm imported from a file, and fails, not
# skips, when it is missing. Unpacked under .tools/ (gitignored). Idempotent.
# The zip is fetched without its transitive dependencies (with them the download fails,
# dependency-notes.md). Keycloak 26.5 runs on Java 17 and lets a SAML client choose AES-GCM for encrypted assertions (26.0 only offers AES-CBC, which the SDK refuses).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=26.5.6
target=.tools/keycloak-$version
if [ -x "$target/bin/kc.sh" ]; then
  exit 0
fi
mvn -B -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip -Dtransitive=false
zip="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip"
if ! command -v unzip >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq unzip >/dev/null
fi
mkdir -p .tools
rm -rf "$target.partial"
mkdir "$target.partial"
unzip -q "$zip" -d "$target.partial"
mv "$target.partial/keycloak-$version" "$target"
rmdir "$target.partial"
test -x "$target/bin/kc.sh"
