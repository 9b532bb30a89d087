# HyperBridge. `make demo` and `make test` are all a newcomer needs; see README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VARIANT ?=

.PHONY: help install build test demo bench eval model clean

help:
	@echo "make demo     install, build, run the bundled sample dialogue through the embedded pipeline"
	@echo "make test     install, build, start Kafka and Redis, run every test, stop the servers"
	@echo "make bench    benchmarks (bench/*.bench.ts) against local Kafka and Redis, as 'name: value unit'"
	@echo "make eval     evaluations (eval/*.eval.ts), as 'name: value unit'"
	@echo "make model    build the meaning model: tools/model/build.sh \$$(VARIANT)"
	@echo "make install  Debian, npm and Python packages and the Kafka jars (skips what is there)"
	@echo "make build    compile TypeScript to dist/"
	@echo "make clean    stop servers, remove dist/ and infra/.run/"

install:
	@infra/install.sh

build:
	npx tsc -p tsconfig.json

# Installs and builds itself (infra/test.sh) so that it can time each phase and always stop the servers.
test:
	@infra/test.sh

demo: install build
	node dist/services/cli/main.js run --input data/sample/dialogue.jsonl --log-level error

bench: install build
	@infra/with-servers.sh node dist/bench/index.js

eval: install build
	@node dist/eval/index.js

model:
	tools/model/build.sh $(VARIANT)

clean:
	@infra/servers.sh down
	rm -rf dist infra/.run
