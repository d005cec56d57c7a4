# CNN Explorer. Quick start: `make run` opens the app, `make test` runs every test headless.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench screenshots clean-venv lint-imports

# (Re)install when the project's metadata changes. Editable, so code edits need no reinstall.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/cnnexplorer

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

# README screenshots, one per tab, rendered offscreen at 1280x800.
screenshots: $(STAMP)
	mkdir -p docs/screenshots
	for tab in builder training augmentation pretrained visualize concepts; do \
		QT_QPA_PLATFORM=offscreen $(VENV)/bin/cnnexplorer gui --tab $$tab --screenshot docs/screenshots/$$tab.png || exit 1; \
	done

lint-imports: $(STAMP)
	$(VENV)/bin/lint-imports

clean-venv:
	rm -rf $(VENV)

# --- Installer build (packaging/README.md). Not part of `make test`: it takes many minutes. ---
PACKAGE_VERSION := $(shell sed -n 's/^__version__ *= *"\(.*\)"/\1/p' cnnexplorer/__init__.py)
PACKAGE_TARBALL := dist/cnnexplorer-$(PACKAGE_VERSION)-linux-$(shell uname -m).tar.gz

.PHONY: package package-test

# One-folder bundle in dist/cnnexplorer/ for this platform; on Linux also the tarball.
package: $(STAMP)
	$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet 'pyinstaller>=6.10'
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
