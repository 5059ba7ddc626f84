# Two commands: `make run` starts everything, `make test` runs every test.
# Both set up what they need first, and are quick the second time.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Rasa 3.6 needs Python 3.10: pyenv's if present, else python3.10 on PATH.
PYTHON310 := $(or $(lastword $(sort $(wildcard $(HOME)/.pyenv/versions/3.10*/bin/python))),$(shell command -v python3.10 2>/dev/null))

.PHONY: run test test-fast install model chromium shell bench mutation lint sites clean help

help:
	@echo "make run    - set up, train if needed, start the assistant"
	@echo "make test   - set up, train if needed, lint, run the whole test suite"
	@echo "make test-fast - domain, action and safety-rule unit tests: no training, no servers"
	@echo "make shell  - chat with the running assistant in this terminal"
	@echo "make chromium - install Debian's chromium for the browser tests (as root)"
	@echo "make bench  - measure training, latency and memory"
	@echo "make mutation - mutmut over the safety net and the conversation logic (slow)"
	@echo "make lint   - ruff and the import contract (lint-imports)"

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "Python 3.10 is needed (Rasa 3.6 does not run on newer versions)."; \
	  echo "Install it with 'pyenv install 3.10' or your system's python3.10 package,"; \
	  echo "e.g. 'sudo apt-get install python3.10 python3.10-venv', then run make again."; \
	  exit 1; fi
	@[ -x $(PY) ] || { echo "Creating $(VENV) with $(PYTHON310)"; $(PYTHON310) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade "pip<25" "wheel<0.46"
	$(PY) -m pip install --progress-bar off -e ".[test]"
	@touch $@

install: $(VENV)/.installed

model: install
	@$(PY) -m bot.runtime.training

run: model
	@$(PY) -m bot.runtime

shell: install
	@$(PY) -m bot.cli.terminal_chat

# The browser tests drive Debian's chromium (Playwright's own browser download is not used).
CHROMIUM := /usr/bin/chromium
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
	  echo "The browser tests need Debian's chromium at $(CHROMIUM), and this is not root."; \
	  echo "Install it with: sudo apt-get update && sudo apt-get install -y chromium"; \
	  echo "Until then those tests are skipped (and fail when CI=true)."; \
	fi

# The fast tier: unit tests of the domain and the safety rules, and the custom actions run
# against in-memory trackers (tests/actions). No model, no servers; under a minute.
FAST_TESTS := tests/unit tests/actions

test-fast: install
	$(PY) -m pytest -q $(FAST_TESTS)

# Lint first, so CI fails fast on style or a broken import direction. The suite runs under
# coverage (subprocesses included, pyproject's [tool.coverage.*]); the report lists every module
# below 100% and fails under 90% branch coverage of bot/ and actions/.
test: lint model chromium
	@rm -rf var/coverage && mkdir -p var/coverage
	$(PY) -m coverage run -m pytest
	@$(PY) -m coverage combine -q
	$(PY) -m coverage report

# Figures, printed: training, latency and memory; where a turn's time goes; load through the
# gateway beside a stock `rasa init` bot (the soak: bench/load.py --levels --soak 600); the
# gateway's cost; safety recall and false alarms through the running assistant. Each starts its
# own stack on spare ports. bench/report.py times `bot report` on 100,000 synthetic records.
bench: model
	$(PY) bench/run.py
	$(PY) bench/turn_costs.py
	$(PY) bench/load.py
	$(PY) bench/gateway.py
	$(PY) bench/safety.py
	$(PY) bench/safety_learned.py
	$(PY) bench/report.py
	$(PY) bench/simulated_mothers.py

# Mutation testing (mutmut, [tool.mutmut] in pyproject.toml) of bot/safety and the conversation
# logic: one mutant at a time, niced; most of an hour on two cores, so not part of `make test`.
# Prints mutants, killed, survived and timeouts per module, and the survivors (docs/testing.md).
mutation: install
	$(PY) bench/mutation.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-logo

sites: install
	$(VENV)/bin/bot sites

clean:
	rm -rf models var results .pytest_cache
