# Pledge: two commands are the contract. `make run` sets up and serves the demo; `make test` runs every test.
UV_VERSION := 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PLEDGE := $(UV) run --frozen pledge

.PHONY: run test lint setup assets clean

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

setup: $(UV)
	$(UV) sync --frozen

# Set up, migrate the embedded SQLite database, load Anyshire Council and serve on http://127.0.0.1:8000
# together with the background worker.
run: setup
	$(PLEDGE) migrate --no-input
	$(PLEDGE) demo load
	$(UV) run --frozen python scripts/serve.py

node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The whole suite: unit, integration and browser tests (Debian's chromium), on SQLite or on DATABASE_URL, spread
# over the machine's cores (pytest-xdist; a test file stays on one worker so its module fixtures are built once).
test: setup node_modules/axe-core/axe.min.js
	$(UV) run --frozen pytest -n auto --dist loadfile

lint: setup
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen ruff check .
	$(UV) run --frozen mypy pledge

# Rebuild the committed GOV.UK Frontend CSS/JS (only needed after changing pledge/frontend/scss).
assets:
	npm ci --no-audit --no-fund
	npm run build

clean:
	rm -rf var .pytest_cache
