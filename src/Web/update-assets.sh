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
# Charts of demand against places (planning) and budget against forecast: one UMD file.
rm -rf wwwroot/lib/chart.js && mkdir -p wwwroot/lib/chart.js
cp node_modules/chart.js/dist/chart.umd.min.js wwwroot/lib/chart.js/
# Partial page updates (the payment run's progress panel polls the server): one file, no build step.
rm -rf wwwroot/lib/htmx && mkdir -p wwwroot/lib/htmx
cp node_modules/htmx.org/dist/htmx.min.js wwwroot/lib/htmx/
echo "htmx $(node -p "require('./node_modules/htmx.org/package.json').version") copied into wwwroot"
echo "chart.js $(node -p "require('./node_modules/chart.js/package.json').version") copied into wwwroot"
echo "govuk-frontend $(node -p "require('./$dist/../../package.json').version") copied into wwwroot"
