"""The visa fact every sheet declares (sheet.yml's visa_for_belgium), for tests
that write sheets of their own: as a model's data and as YAML."""

VISA_FACT = {
    "required": True,
    "source": {
        "title": "Regulation (EU) 2018/1806",
        "publisher": "EUR-Lex",
        "url": "https://eur-lex.europa.eu/",
        "date": "2024-08-04",
    },
}

VISA_YAML = """\
visa_for_belgium:
  required: true
  source:
    title: Regulation (EU) 2018/1806
    publisher: EUR-Lex
    url: https://eur-lex.europa.eu/
    date: 2024-08-04
"""
