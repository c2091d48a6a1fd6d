#!/usr/bin/env bash
# EF Core migrations of every service, for both providers (SQLite and PostgreSQL).
#
#   scripts/ef-migrations.sh add <Name> [service...]   add migration <Name> after a model change
#   scripts/ef-migrations.sh reset-initial [service...] delete the migrations and generate one "Initial" per provider
#   scripts/ef-migrations.sh check [service...]         fail when a model has changes without a migration
#   scripts/ef-migrations.sh list [service...]          list the migrations
#
# Services: workflow forms notifications identity (default: all). Uses the dotnet-ef version pinned in
# .config/dotnet-tools.json (restored here), and the design-time factories, so nothing needs to run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Per service: its project folder and its base context; the migrations belong to <Provider><Context>.
declare -A project=(
  [workflow]=services/workflow/Sandbox.Workflow
  [forms]=services/forms/Sandbox.Forms
  [notifications]=services/notifications/Sandbox.Notifications
  [identity]=services/identity/Sandbox.Identity
)
declare -A context=([workflow]=WorkflowDb [forms]=FormsDbContext [notifications]=NotificationsDb [identity]=IdentityStore)
all=(workflow forms notifications identity)
providers=(Sqlite Postgres)

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

command=${1:-}; shift || true
case $command in add|reset-initial|check|list) ;; *) usage ;; esac
name=
if [[ $command == add ]]; then name=${1:-}; [[ -n $name ]] || usage; shift; fi
services=("$@"); [[ ${#services[@]} -gt 0 ]] || services=("${all[@]}")

dotnet tool restore >/dev/null

ef() { # service provider args...
  local service=$1 provider=$2; shift 2
  dotnet tool run dotnet-ef "$@" --project "${project[$service]}" --startup-project "${project[$service]}" \
    --context "$provider${context[$service]}" --no-build
}

for service in "${services[@]}"; do
  [[ -n ${project[$service]:-} ]] || { echo "unknown service '$service' (use: ${all[*]})" >&2; exit 2; }
  [[ -d ${project[$service]}/Data/Migrations || $command != check ]] || continue
  echo "== $service"
  # The tools read the built assembly: the old migrations must be gone from it before "Initial" is generated.
  [[ $command != reset-initial ]] || rm -rf "${project[$service]:?}/Data/Migrations"
  dotnet build "${project[$service]}" -v q -nologo -clp:ErrorsOnly
  for provider in "${providers[@]}"; do
    folder=Data/Migrations/$provider
    case $command in
      add|reset-initial)
        [[ $command == add ]] || name=Initial
        ef "$service" "$provider" migrations add "$name" --output-dir "$folder"
        ;;
      check) ef "$service" "$provider" migrations has-pending-model-changes ;;
      list) ef "$service" "$provider" migrations list --no-connect ;;
      *) usage ;;
    esac
  done
done
if [[ $command == add || $command == reset-initial ]]; then
  echo "Generated under <service>/Data/Migrations/{Sqlite,Postgres}. Build and run the service tests (they check the model has no pending changes)."
fi
