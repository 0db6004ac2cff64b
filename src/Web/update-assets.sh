#!/usr/bin/env bash
# Refreshes the front-end files the app serves itself (no CDN): run after changing package.json.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
dist=node_modules/govuk-frontend/dist/govuk
rm -rf wwwroot/lib/govuk-frontend wwwroot/assets
mkdir -p wwwroot/lib/govuk-frontend wwwroot/assets
cp "$dist/govuk-frontend.min.css" "$dist/govuk-frontend.min.js" wwwroot/lib/govuk-frontend/
# The stylesheet refers to fonts and images at /assets/…
cp -r "$dist/assets/fonts" "$dist/assets/images" "$dist/assets/manifest.json" wwwroot/assets/
echo "govuk-frontend $(node -p "require('./$dist/../../package.json').version") copied into wwwroot"
