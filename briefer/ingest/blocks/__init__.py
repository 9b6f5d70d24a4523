"""Core: building blocks the document-type parsers (`briefer.ingest.types`) share.

`paragraphs` cuts lines into heading and paragraph blocks; `common` knows numbers, fractie names,
cross-references and where a question ends; `labelled` pairs "Vraag N" / "Antwoord N" blocks;
`numbered` reads numbered questions with or without "Antwoord" headings; `replies` tells quoted
questions from replies (nota, reply sections); `sections` makes headed paragraphs; `letter` reads
a letter's addressee, date, signature and reference column; `cover` finds a Kamerstuk's cover
block. Blocks import each other one way and never import a type parser.
"""
