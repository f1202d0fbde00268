#!/usr/bin/env bash
# Demo business events through connector-service's own API, with the connector clients' tokens
# (client credentials; dev secrets <client>-secret from deploy/keycloak/relais-realm.json): HR hires of
# the demo company (alice, bob, carol and colleagues), one move, one departure, CRM deals and a
# contract, ECM documents. They become cards in feeds, profiles in profile-service, hits in search.
# A card names only people and communities that exist: CRM/ECM cards wait (dry run) until connector-service
# has heard of their owner; cards for communities are sent by 25-business-communities.sh, after 20-feed.sh
# created them.
set -euo pipefail

# shellcheck source=lib/connector.bash
source "$(dirname "$0")/lib/connector.bash"

HR=$(token hr-connector)
CRM=$(token crm-connector)
ECM=$(token ecm-connector)

hire() { # login "Display Name" title department manager location startDate
  send "$HR" hr "$(jq -n --arg l "$1" --arg n "$2" --arg t "$3" --arg d "$4" --arg m "$5" --arg loc "$6" --arg s "$7" \
    '{eventType:"employee.hired", eventId:("seed-hire-" + $l), occurredAt:($s + "T08:00:00Z"), system:"workday",
      data:({login:$l, displayName:$n, email:($l + "@relais.example"), title:$t, department:$d, location:$loc,
             startDate:$s} + (if $m == "" then {} else {manager:$m} end))}')"
}

# --- people (managers first) ---
hire carol  "Carol Lefèvre"    "Directrice technique"            "Direction"   ""      "Paris" "2019-03-04"
hire bob    "Bob Martin"       "Responsable communication interne" "Communication" carol "Paris" "2021-09-01"
hire alice  "Alice Dubois"     "Développeuse backend"            "Ingénierie"  carol   "Lyon"  "2022-01-10"
hire dave   "Dave Nguyen"      "Ingénieur données"               "Ingénierie"  alice   "Lyon"  "2023-02-06"
hire emma   "Emma Rossi"       "Chargée de clientèle"            "Ventes"      bob     "Paris" "2023-05-15"
hire farid  "Farid Haddad"     "Commercial grands comptes"       "Ventes"      bob     "Marseille" "2023-09-04"
hire gaelle "Gaëlle Moreau"    "Juriste"                          "Juridique"   carol   "Paris" "2024-01-08"
hire hugo   "Hugo Lambert"     "Développeur frontend"            "Ingénierie"  alice   "Nantes" "2024-04-02"
hire ines   "Inès Benali"      "Chargée de recrutement"          "Ressources humaines" carol "Paris" "2024-06-17"
hire jules  "Jules Petit"      "Administrateur systèmes"         "Ingénierie"  carol   "Lyon"  "2025-03-03"
hire karima "Karima Diallo"    "Responsable produit"             "Produit"     carol   "Paris" "2025-10-06"

# --- a move and a departure ---
send "$HR" hr "$(jq -n '{eventType:"employee.moved", eventId:"seed-move-dave", occurredAt:"2026-06-01T08:00:00Z",
  data:{login:"dave", displayName:"Dave Nguyen", title:"Lead data", manager:"carol"}}')"
send "$HR" hr "$(jq -n '{eventType:"employee.left", eventId:"seed-left-jules", occurredAt:"2026-10-31T17:00:00Z",
  data:{login:"jules", displayName:"Jules Petit", leftDate:"2026-10-31"}}')"
send "$HR" hr "$(jq -n '{eventType:"employee.anniversary", eventId:"seed-anniversary-carol-7", occurredAt:"2026-03-04T08:00:00Z",
  data:{login:"carol", displayName:"Carol Lefèvre", years:7}}')"

# --- CRM: deals and a contract (organisation-wide by the crm-connector registration) ---
deal() { # type eventId opportunityId name account amount owner [reason]
  send "$CRM" crm "$(jq -n --arg t "$1" --arg e "$2" --arg o "$3" --arg n "$4" --arg a "$5" --argjson m "$6" --arg w "$7" --arg r "${8:-}" \
    '{eventType:$t, eventId:$e, occurredAt:"2026-11-20T15:00:00Z", system:"salesforce",
      data:({opportunityId:$o, name:$n, account:$a, amount:$m, currency:"EUR", owner:$w} + (if $r == "" then {} else {reason:$r} end))}')"
}
deal opportunity.created seed-opp-101-created OPP-101 "Portail fournisseurs" "Transports Lemoine" 85000 emma
deal opportunity.won     seed-opp-101-won     OPP-101 "Portail fournisseurs" "Transports Lemoine" 85000 emma
deal opportunity.won     seed-opp-102-won     OPP-102 "Migration cloud"      "Mutuelle Horizon"   240000 farid
deal opportunity.lost    seed-opp-103-lost    OPP-103 "Application mobile"   "Boulangeries Vial"  60000 farid "Budget reporté à 2027"
send "$CRM" crm "$(jq -n '{eventType:"contract.signed", eventId:"seed-contract-c-2026-17", occurredAt:"2026-11-21T10:00:00Z",
  data:{contractId:"C-2026-17", name:"Infogérance 3 ans", account:"Mutuelle Horizon", amount:720000, currency:"EUR",
        owner:"farid", startDate:"2027-01-01", durationMonths:36}}')"

# --- ECM: documents, organisation-wide (those for communities: 25-business-communities.sh, once they exist) ---
doc document.published seed-doc-teletravail-v1 DOC-teletravail "Charte télétravail 2027" "Jours sur site, équipement, droit à la déconnexion" ines
doc document.updated   seed-doc-teletravail-v2 DOC-teletravail "Charte télétravail 2027" "Version validée par le CSE" ines

echo "business events seeded"
