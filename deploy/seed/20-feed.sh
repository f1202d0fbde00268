#!/usr/bin/env bash
# Demo social life in feed-service: communities (public, private, secret) with memberships among alice,
# bob and carol, follows, a few dozen posts in French and English, comments, replies, reactions, a pin
# and an announcement — everything through the public API, as people would do it in the web app.
set -euo pipefail

KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
FEED_URL="${RELAIS_FEED_URL:-http://localhost:8081}"

# one token per demo user for the whole run (password = login in the demo realm)
declare -A TOKENS
for login in alice bob carol; do
  TOKENS[$login]=$(curl -sf -d grant_type=password -d client_id=relais-web -d "username=$login" -d "password=$login" \
    "$KEYCLOAK_URL/realms/relais/protocol/openid-connect/token" | jq -r .access_token)
done
token() { echo "${TOKENS[$1]}"; }

api() { # login method path [json] -> response body
  local login=$1 method=$2 path=$3 body=${4:-}
  if [[ -n "$body" ]]; then
    curl -sf -X "$method" -H "Authorization: Bearer $(token "$login")" -H 'Content-Type: application/json' \
      --data "$body" "$FEED_URL$path"
  else
    curl -sf -X "$method" -H "Authorization: Bearer $(token "$login")" "$FEED_URL$path"
  fi
}

community() { # owner slug name description visibility
  api "$1" POST /api/communities "$(jq -n --arg s "$2" --arg n "$3" --arg d "$4" --arg v "$5" \
    '{slug:$s,name:$n,description:$d,visibility:$v}')" > /dev/null
  echo "community $2 ($5) created by $1"
}

post() { # author community-slug-or-empty html -> post id (local part)
  local body
  if [[ -n "$2" ]]; then
    body=$(jq -n --arg c "$3" --arg s "$2" '{content:$c,audience:{community:$s}}')
  else
    body=$(jq -n --arg c "$3" '{content:$c}')
  fi
  api "$1" POST /api/posts "$body" | jq -r '.id | sub("^urn:relais:post:"; "")'
}

comment() { # author post-id html [in-reply-to comment id] -> comment id
  local body
  if [[ -n "${4:-}" ]]; then
    body=$(jq -n --arg c "$3" --arg r "$4" '{content:$c,inReplyTo:$r}')
  else
    body=$(jq -n --arg c "$3" '{content:$c}')
  fi
  api "$1" POST "/api/posts/$2/comments" "$body" | jq -r '.id | sub("^urn:relais:comment:"; "")'
}

react() { # login post-id kind
  api "$1" PUT "/api/posts/$2/reactions/mine" "{\"kind\":\"$3\"}" > /dev/null
}

# --- communities and memberships ---
community alice tech-talk "Le coin tech" "Veille, retours d'expérience et questions techniques / Tech watch, lessons learned, questions" public
community alice projet-atlas "Projet Atlas" "Refonte du portail client : suivi, décisions, démos" private
community carol comite-direction "Comité de direction" "Ordres du jour et relevés de décisions du comité" secret
community bob vie-de-bureau "Vie de bureau / Office life" "Déjeuners, afterworks, objets trouvés — lunches, events, lost and found" public

api bob POST /api/communities/tech-talk/join > /dev/null
api carol POST /api/communities/tech-talk/join > /dev/null
api alice POST /api/communities/vie-de-bureau/join > /dev/null
api carol POST /api/communities/vie-de-bureau/join > /dev/null
api bob POST /api/communities/projet-atlas/join > /dev/null            # private: a request…
api alice POST /api/communities/projet-atlas/requests/bob/approve > /dev/null   # …approved by the owner
api alice POST /api/communities/projet-atlas/invitations '{"login":"carol"}' > /dev/null
api carol POST /api/communities/projet-atlas/invitations/mine/accept > /dev/null
api carol POST /api/communities/comite-direction/invitations '{"login":"bob"}' > /dev/null
api bob POST /api/communities/comite-direction/invitations/mine/accept > /dev/null
api alice PUT /api/communities/projet-atlas/members/bob/role '{"role":"moderator"}' > /dev/null
echo "memberships done"

# --- follows ---
api alice PUT /api/follows/person/bob > /dev/null
api alice PUT /api/follows/person/carol > /dev/null
api bob PUT /api/follows/person/alice > /dev/null
api carol PUT /api/follows/person/alice > /dev/null
api alice PUT /api/follows/hashtag/kafka > /dev/null
api bob PUT /api/follows/hashtag/atlas > /dev/null
api carol PUT /api/follows/hashtag/securite > /dev/null
api carol PUT /api/follows/community/tech-talk > /dev/null
echo "follows done"

# --- posts, comments, reactions ---
p=$(post alice tech-talk "<p>Retour sur notre passage à <strong>Kafka 4</strong> : plus de ZooKeeper, le mode KRaft tient la charge sans broncher. Qui veut un atelier jeudi ? #kafka #architecture</p>")
c=$(comment bob "$p" "<p>Partant ! Tu peux montrer la partie consumer groups ?</p>")
comment alice "$p" "<p>Oui @bob, on fera une démo en direct.</p>" "$c" > /dev/null
comment carol "$p" "<p>Pensez à la rétention illimitée du topic des activités, c'est notre journal de référence. #kafka</p>" > /dev/null
react bob "$p" insightful; react carol "$p" like
api alice POST "/api/communities/tech-talk/pins/$p" > /dev/null

p=$(post carol tech-talk "<p>Reminder: rotate your personal access tokens before the end of the month. The security checklist is in the wiki. #securite</p>")
react alice "$p" support; react bob "$p" like
comment alice "$p" "<p>Done for mine, thanks for the nudge.</p>" > /dev/null

p=$(post bob tech-talk "<p>Question du jour : Markdown ou éditeur riche pour la documentation interne ? Donnez vos arguments 👇</p>")
comment alice "$p" "<p>Markdown, versionné avec le code. Le diff est lisible.</p>" > /dev/null
comment carol "$p" "<p>Éditeur riche pour les équipes métier, sinon personne n'écrit.</p>" > /dev/null
react alice "$p" like; react carol "$p" like

p=$(post alice tech-talk "<p>TIL: <code>jq -r '.items[] | .name'</code> saves me ten minutes a day when reading API answers. #tips</p>")
react bob "$p" insightful

p=$(post carol tech-talk "<p>Nous migrons les sauvegardes vers le nouveau stockage objet ce week-end. Aucune interruption prévue. #infra</p>")
react alice "$p" support

p=$(post alice projet-atlas "<p>Démo du sprint 12 vendredi à 14h : nouveau parcours de souscription et tableau de bord client. #atlas</p>")
c=$(comment bob "$p" "<p>Je réserve la salle Everest. @carol tu pourras venir ?</p>")
comment carol "$p" "<p>Oui, je serai là.</p>" "$c" > /dev/null
react bob "$p" celebrate; react carol "$p" like

p=$(post bob projet-atlas "<p>Décision : on garde l'authentification unique via Keycloak pour le portail, pas de comptes locaux. #atlas #decision</p>")
react alice "$p" like
comment alice "$p" "<p>Validé, je mets à jour le dossier d'architecture.</p>" > /dev/null

p=$(post alice projet-atlas "<p>Risk: the payment provider sandbox is down every night 2–4 am; our end-to-end tests should avoid that window. #atlas</p>")
react carol "$p" insightful

p=$(post carol projet-atlas "<p>Budget T1 confirmé pour Atlas. Bravo à toute l'équipe pour le jalon de novembre 🎉 #atlas</p>")
react alice "$p" celebrate; react bob "$p" celebrate

p=$(post carol comite-direction "<p>Ordre du jour du prochain comité : plan de recrutement 2027, budget formation, point sur Atlas.</p>")
comment bob "$p" "<p>J'ajoute un point sur l'adoption du réseau social interne, chiffres à l'appui.</p>" > /dev/null

p=$(post bob comite-direction "<p>Relevé de décisions du 14 : ouverture de deux postes data, report du séminaire au printemps.</p>")
react carol "$p" like

p=$(post bob vie-de-bureau "<p>Afterwork jeudi 18h30 au café d'en face ! Qui vient ? ☕🍻</p>")
comment alice "$p" "<p>Moi !</p>" > /dev/null
comment carol "$p" "<p>Je passe après ma réunion.</p>" > /dev/null
react alice "$p" celebrate; react carol "$p" like

p=$(post alice vie-de-bureau "<p>Lost: a blue umbrella in meeting room Everest. If you find it, ping me 🙏</p>")
comment bob "$p" "<p>Il est à l'accueil !</p>" > /dev/null
react bob "$p" support

p=$(post carol vie-de-bureau "<p>Le food truck breton est là tous les mardis à partir de cette semaine. Galettes au menu !</p>")
react alice "$p" celebrate; react bob "$p" like

p=$(post bob vie-de-bureau "<p>Photo contest: share your best shot of the office garden before Friday. The winner picks the next team lunch place.</p>")
react alice "$p" like

p=$(post alice "" "<p>Bonjour à toutes et à tous ! Je rejoins l'équipe plateforme cette semaine, n'hésitez pas à passer dire bonjour. #bienvenue</p>")
comment bob "$p" "<p>Bienvenue @alice !</p>" > /dev/null
comment carol "$p" "<p>Ravie de t'avoir avec nous.</p>" > /dev/null
react bob "$p" celebrate; react carol "$p" celebrate

p=$(post carol "" "<p>Our quarterly town hall is on the 28th at 10am in the auditorium and online. Questions welcome in the comments. #townhall</p>")
comment alice "$p" "<p>Will the recording be shared for the Lyon office?</p>" > /dev/null
react alice "$p" like; react bob "$p" like

p=$(post bob "" "<p>Nouveau : les communautés de pratique ont leur annuaire. Cherchez « tech » ou « bureau » et rejoignez celles qui vous parlent ! #communautes</p>")
react alice "$p" insightful; react carol "$p" support

p=$(post alice "" "<p>Merci à @carol pour l'aide sur la migration des certificats hier soir, le service n'a pas bougé. #merci</p>")
react carol "$p" support; react bob "$p" like

p=$(post carol "" "<p>Security tip: never share a link to a confidential document in an organisation-wide post, use the private community instead. #securite</p>")
react alice "$p" insightful; react bob "$p" insightful

p=$(post bob "" "<p>Le baromètre interne est ouvert jusqu'à vendredi : 5 minutes pour dire ce qui marche et ce qui coince. #barometre</p>")
comment alice "$p" "<p>Fait ✅</p>" > /dev/null
react alice "$p" like

p=$(post alice "" "<p>Looking for a mentor in data engineering — anyone around who has done the Spark to Flink move? #data #mentorat</p>")
comment carol "$p" "<p>Ask the data team, they did it last year. I'll introduce you.</p>" > /dev/null
react bob "$p" support

# --- an organisation-wide announcement by the community manager ---
api bob POST /api/announcements "$(jq -n --arg c "<p><strong>Nouveau règlement télétravail</strong> : jusqu'à 3 jours par semaine à partir du 1er décembre. Détails sur l'intranet RH.</p>" \
  '{content:$c}')" > /dev/null
echo "posts, comments, reactions and announcement done"
