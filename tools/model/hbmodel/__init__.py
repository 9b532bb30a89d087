"""Builder of HyperBridge's static bilingual (ru/en/emoji) meaning model. See tools/model/README.md."""
