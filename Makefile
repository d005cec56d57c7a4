# CNN Explorer. Quick start: `make run` opens the app, `make test` runs every test headless.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench screenshots clean-venv lint-imports lint constraints

# (Re)install when the project's metadata or the pinned versions change. Editable, so code edits need no
# reinstall. constraints.txt pins every package to the versions the tests last passed with (make constraints).
# A venv outside this tree (VENV=../other/.venv, e.g. from a git worktree) is used as it is: re-installing it
# from here would point its editable install at this tree for everyone who shares it.
$(STAMP): pyproject.toml constraints.txt
	@case "$(abspath $(VENV))/" in "$(CURDIR)"/*) ;; \
	  *) echo "$(VENV) is outside this tree: using it as it is (not re-installing)"; exit 0;; esac; \
	set -e; test -x $(PY) || $(PYTHON) -m venv $(VENV); \
	$(PY) -m pip install --quiet --upgrade pip; \
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,lint]'; \
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/cnnexplorer

# make test checks the lint first (ruff, mypy, import contracts), so .ci/run checks them too.
test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

# README screenshots, one per tab, rendered offscreen at 1280x800.
screenshots: $(STAMP)
	mkdir -p docs/screenshots
	for tab in $$($(PY) -c "from cnnexplorer.ui.tabs import TAB_KEYS; print(*TAB_KEYS)"); do \
		QT_QPA_PLATFORM=offscreen $(VENV)/bin/cnnexplorer gui --tab $$tab --screenshot docs/screenshots/$$tab.png || exit 1; \
	done

lint-imports: $(STAMP)
	$(VENV)/bin/lint-imports

# Lint (ruff: pyflakes, pycodestyle, import order, bugbear, pyupgrade, naming), types (mypy on the whole package),
# and the layer contracts (import-linter). All configured in pyproject.toml. No $(STAMP): a worktree may use
# another tree's venv (VENV=...), which must not be re-installed from here.
lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Refresh the pinned versions after upgrading packages in the venv and running `make test` with them:
#   .venv/bin/pip install --upgrade tensorflow keras ... && make test && make constraints
# CI, `make`, and the installer build (make package, packaging/README.md) install with -c constraints.txt.
constraints:
	{ echo "# Tested versions of every package (make constraints); used as pip install -c constraints.txt."; \
	  echo "# Python $$($(PY) -c 'import platform; print(platform.python_version())'), $$(uname -s) $$(uname -m)."; \
	  $(PY) -m pip freeze --exclude-editable | grep -v '^-e ' | LC_ALL=C sort -f; } > constraints.txt

clean-venv:
	rm -rf $(VENV)

# --- Installer build (packaging/README.md). Not part of `make test`: it takes many minutes. ---
PACKAGE_VERSION := $(shell sed -n 's/^__version__ *= *"\(.*\)"/\1/p' cnnexplorer/__init__.py)
PACKAGE_TARBALL := dist/cnnexplorer-$(PACKAGE_VERSION)-linux-$(shell uname -m).tar.gz

.PHONY: package package-test

# One-folder bundle in dist/cnnexplorer/ for this platform; on Linux also the tarball.
package: $(STAMP)
	$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet -c constraints.txt 'pyinstaller>=6.10'
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/cnnexplorer.spec
	if [ "$$(uname -s)" = Linux ]; then sh packaging/linux/make_tarball.sh dist/cnnexplorer $(PACKAGE_TARBALL); fi

# Smoke test of the built bundle, offscreen: --version, selftest, a screenshot, start-up times.
package-test:
	$(PY) packaging/test_bundle.py dist/cnnexplorer

# --- Interface translations (resources/translations/). lupdate collects every tr() string into the .ts
# (translators edit it, e.g. with pyside6-linguist); lrelease compiles the .qm the app loads. The .qm is
# committed: pip installs and the installer build use it as is, without Qt's tools.
.PHONY: translations
TS_FILES := resources/translations/cnnexplorer_zh_CN.ts

LUPDATE = $(VENV)/bin/pyside6-lupdate $$(find cnnexplorer -name '*.py' | sort) -no-obsolete -locations none \
		-target-language zh_CN -ts $(TS_FILES)
# FILL="a.json ...": translations kept as {"context": {"source": "translation"}} are written into the .ts
# (resources/tools/ts_fill.py); lupdate runs again after that so the file keeps lupdate's own layout.
# Last, the bundled Chinese font (resources/fonts/) is checked to hold every character of the translations and
# rewritten only when one is missing (that needs Noto Sans CJK installed: apt-get install fonts-noto-cjk).
translations:  # no $(STAMP): it needs only the Qt tools, and must not re-install a venv shared by worktrees
	$(LUPDATE)
	if [ -n "$(FILL)" ]; then $(VENV)/bin/python resources/tools/ts_fill.py $(TS_FILES) $(FILL) && $(LUPDATE); fi
	for ts in $(TS_FILES); do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm || exit 1; done
	$(VENV)/bin/python resources/tools/subset_font.py
