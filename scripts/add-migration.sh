#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
project=src/OpenRis.Web/OpenRis.Web.csproj
dotnet ef migrations add "$name" --project "$project" --context SqliteRisDbContext --output-dir Data/Sqlite/Migrations
dotnet ef migrations add "$name" --project "$project" --context PostgresRisDbContext --output-dir Data/Postgres/Migrations
# To take a migration back: `dotnet ef migrations remove --context SqliteRisDbContext`; for the
# PostgreSQL set (whose remove wants a server) delete its two files and `git checkout` its snapshot.
