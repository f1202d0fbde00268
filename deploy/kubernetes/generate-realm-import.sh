#!/usr/bin/env bash
# Turns deploy/keycloak/relais-realm.json (the local stack's realm) into the Keycloak operator's
# KeycloakRealmImport for Kubernetes: without the demo users (the dev overlay adds them back), and
# with the connector client secrets read from the Secret relais-connector-secrets (placeholders).
# Run it again after editing the realm JSON.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
realm="$here/../keycloak/relais-realm.json"
demo_logins='["alice","bob","carol"]'

jq --argjson demo "$demo_logins" '
  {
    apiVersion: "k8s.keycloak.org/v2beta1",
    kind: "KeycloakRealmImport",
    metadata: {name: "relais-realm", labels: {"app.kubernetes.io/part-of": "relais"}},
    spec: {
      keycloakCRName: "relais-keycloak",
      placeholders: {
        HR_CONNECTOR_SECRET: {secret: {name: "relais-connector-secrets", key: "hr-connector"}},
        CRM_CONNECTOR_SECRET: {secret: {name: "relais-connector-secrets", key: "crm-connector"}},
        ECM_CONNECTOR_SECRET: {secret: {name: "relais-connector-secrets", key: "ecm-connector"}}
      },
      realm: (
        .users |= map(select(.username as $u | $demo | index($u) | not))
        | .clients |= map(
            if .secret then .secret = ("${" + (.clientId | ascii_upcase | gsub("-"; "_")) + "_SECRET}") else . end)
      )
    }
  }' "$realm" >"$here/base/keycloak/realm-import.json"

# the demo users, as a JSON patch for the dev overlay
jq --argjson demo "$demo_logins" '
  [.users[] | select(.username as $u | $demo | index($u)) | {op: "add", path: "/spec/realm/users/-", value: .}]
' "$realm" >"$here/overlays/dev/demo-users.json"
echo "wrote base/keycloak/realm-import.json and overlays/dev/demo-users.json"
