#!/usr/bin/env bash
# Demo business cards addressed to communities: an ECM document for the tech community and one shared with the
# office-life community. connector-service addresses a card only to a community that exists (whoever created
# the slug later would own every card sent to it), so these come after 20-feed.sh created the communities, each
# waiting (dry run) until connector-service has heard of its community and owner.
set -euo pipefail

# shellcheck source=lib/connector.bash
source "$(dirname "$0")/lib/connector.bash"

ECM=$(token ecm-connector)

doc document.published seed-doc-archi-kafka    DOC-archi-kafka "Architecture événementielle : guide" "Nos conventions Kafka, CloudEvents et Activity Streams" alice tech-talk
doc document.shared    seed-doc-onboarding     DOC-onboarding "Livret d'accueil" "Tout ce qu'il faut savoir pour sa première semaine" ines vie-de-bureau

echo "business cards for communities seeded"
