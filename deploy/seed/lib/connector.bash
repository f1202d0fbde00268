# Shared by the business seeds (10-business.sh, 25-business-communities.sh): sends demo business events through
# connector-service's own API with the connector clients' tokens (client credentials; dev secrets <client>-secret
# from deploy/keycloak/relais-realm.json). Sourced, not run: run_seeds runs deploy/seed/*.sh only.

KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
CONNECTOR_URL="${RELAIS_CONNECTOR_URL:-http://localhost:8083}"
SEED_OUT="${TMPDIR:-/tmp}/relais-seed-business.out"

token() { # client-id -> access token (client credentials)
  curl -sf -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$1-secret" \
    "$KEYCLOAK_URL/realms/relais/protocol/openid-connect/token" | jq -r .access_token
}

# connector-service maps a crm/ecm card only to a community feed-service announced and an owner profile-service
# announced, both learnt asynchronously from the log (a hire becomes a person a moment after its event; a community
# a moment after its creation): until then the event would be a dead letter. Its dry run (nothing stored or sent)
# says when it maps.
await_mappable() { # token source event-json ; waits at most 90 s
  local status i
  for ((i = 0; i < 180; i++)); do
    status=$(curl -s -o "$SEED_OUT" -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
      -H 'Content-Type: application/json' --data "$3" "$CONNECTOR_URL/api/connectors/$2/events/dry-run")
    [[ "$status" == 200 ]] && return 0
    [[ "$status" == 422 ]] || break
    sleep 0.5
  done
  echo "connector cannot map $(jq -r .eventId <<<"$3") (dry run answered $status):" >&2
  cat "$SEED_OUT" >&2
  return 1
}

send() { # token source event-json ; 202 = published, 200 = already sent on an earlier run
  local status
  [[ "$2" == hr ]] || await_mappable "$@"
  status=$(curl -s -o "$SEED_OUT" -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' --data "$3" "$CONNECTOR_URL/api/connectors/$2/events")
  if [[ "$status" != 202 && "$status" != 200 ]]; then
    echo "connector answered $status for $(jq -r .eventId <<<"$3"):" >&2
    cat "$SEED_OUT" >&2
    return 1
  fi
  echo "$2 $(jq -r '.eventType + " " + .eventId' <<<"$3") -> $(jq -r .status "$SEED_OUT")"
}

doc() { # type eventId documentId title summary owner [community] ; needs $ECM (the ecm-connector's token)
  send "$ECM" ecm "$(jq -n --arg t "$1" --arg e "$2" --arg d "$3" --arg ti "$4" --arg s "$5" --arg o "$6" --arg c "${7:-}" \
    '{eventType:$t, eventId:$e, occurredAt:"2026-11-19T09:00:00Z", system:"sharepoint",
      data:({documentId:$d, title:$ti, summary:$s, url:("https://docs.relais.example/d/" + $d), mimeType:"application/pdf",
             size:182044, folder:"/Partagé", owner:$o} + (if $c == "" then {} else {targetCommunity:$c} end))}')"
}
