#!/usr/bin/env bash
# Adds a migration named $1 to every context on all three providers, so the databases never drift apart.
# Usage: db/add-migration.sh AddPaymentRuns [Context ...]   (contexts default to all three)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: db/add-migration.sh <MigrationName> [CommissioningDb FinanceDb AccountsDb]}
shift
[ $# -gt 0 ] && contexts=("$@") || contexts=(CommissioningDb FinanceDb AccountsDb)
declare -A connection=(
  [Sqlite]="Data Source=design-time.db"
  [Postgres]="Host=localhost;Database=placements_design"
  [SqlServer]="Server=localhost;Database=placements_design;TrustServerCertificate=true"
)
dotnet tool restore >/dev/null
dotnet build src/Web -v q -nologo >/dev/null
for provider in Sqlite Postgres SqlServer; do
  for context in "${contexts[@]}"; do
    echo "== $provider / $context"
    dotnet ef migrations add "$name" --no-build \
      --project "db/migrations/$provider" --startup-project src/Web \
      --context "$context" --output-dir "${context%Db}" \
      -- --Database:Provider="$provider" --ConnectionStrings:Placements="${connection[$provider]}" --Demo:Seed=false
  done
done
rm -f src/Web/design-time.db
