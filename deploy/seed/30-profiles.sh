#!/usr/bin/env bash
# Demo profiles: bios, skills and languages for alice, bob and carol (edited by each of them through
# profile-service's API, as they would in the web app), and a few endorsements between colleagues.
# HR fields (title, department, manager) come from the HR hires of 10-business.sh, not from here.
set -euo pipefail

KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
PROFILE_URL="${RELAIS_PROFILE_URL:-http://localhost:8082}"

token() { # login (password = login, demo realm)
  curl -sf -d grant_type=password -d client_id=relais-web -d "username=$1" -d "password=$1" \
    "$KEYCLOAK_URL/realms/relais/protocol/openid-connect/token" | jq -r .access_token
}

edit_me() { # login json
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $(token "$1")" -H 'Content-Type: application/json' \
    --data "$2" "$PROFILE_URL/api/people/me"
  echo "profile of $1 updated"
}

endorse() { # endorser target skill
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $(token "$1")" \
    "$PROFILE_URL/api/people/$2/skills/$(jq -rn --arg s "$3" '$s|@uri')/endorsements/mine"
  echo "$1 endorsed $2 for $3"
}

edit_me alice '{"bio":"Développeuse backend, je fais circuler les événements entre nos applications.",
  "skills":["Java","Kafka","MongoDB","Quarkus"],"languages":["fr","en"],"phone":"+33 1 70 00 00 01"}'
edit_me bob '{"bio":"Community manager : j anime les communautés de pratique et je mesure ce qui marche.",
  "skills":["Animation de communautés","Communication interne","Kafka"],"languages":["fr","en","es"]}'
edit_me carol '{"bio":"Je veille sur la plateforme et sur ceux qui la font vivre.",
  "skills":["Kubernetes","Sécurité","Java"],"languages":["fr","en","de"],"phone":"+33 1 70 00 00 03"}'

endorse bob alice Kafka
endorse carol alice Kafka
endorse carol alice Java
endorse alice bob "Animation de communautés"
endorse alice carol Kubernetes
endorse bob carol Sécurité
