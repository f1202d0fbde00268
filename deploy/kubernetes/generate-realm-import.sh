#!/usr/bin/env bash
# Turns deploy/keycloak/relais-realm.json (the local stack's realm) into the Keycloak operator's
# KeycloakRealmImport for Kubernetes: without the demo users (the dev overlay adds them back), and
# with the connector client secrets read from the Secret relais-connector-secrets (placeholders), and with the
# role employee in the realm's default roles: every person Keycloak creates (registered by an administrator,
# imported from LDAP, or first logging in through an identity provider) is an employee. The business systems'
# service accounts do not hold the default roles, so they are no employees. The local stack's realm grants
# employee to its demo users one by one and is left as it is.
# Run it again after editing the realm JSON.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
realm="$here/../keycloak/relais-realm.json"
demo_logins='["alice","bob","carol"]'

jq --argjson demo "$demo_logins" --arg default default-roles-relais '
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
        .users |= map(select(.username as $u | $demo | index($u) | not)
            | if .serviceAccountClientId then .realmRoles -= [$default] else . end)
        | .roles.realm |= map(if .name == $default then .composites.realm += ["employee"] else . end)
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
