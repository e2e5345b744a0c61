"""The GermEval bench scores the extractor's whole mention pipeline on the sentences' own tokens, as it scores
the tagger alone and as the 2014 systems were scored."""

from bench.extract_mentions import gold_token_doc
from kg.extract.mentions import find_mentions


def test_a_sentence_keeps_its_own_tokens_even_where_somajo_would_split_them():
    words = ["München/Hamburg", "(", "dpa", ")", "Heidi", "Klum", "bleibt", "beim", "DFB."]
    doc = gold_token_doc(words)
    assert [t.text for t in doc.tokens] == words
    assert [doc.text[t.start : t.end] for t in doc.tokens] == words
    assert len(doc.sentences) == 1 and doc.sentences[0].last == len(words)


def test_the_mention_pipeline_runs_on_those_tokens_and_its_names_fall_on_them():
    doc = gold_token_doc(["Gestern", "sagte", "Angela", "Merkel", "in", "Berlin", ",", "sie", "bleibe", "."])
    bounds = {t.start for t in doc.tokens}, {t.end for t in doc.tokens}
    found = {(m.text, m.type) for m in find_mentions(doc)}
    assert ("Angela Merkel", "Person") in found and ("Berlin", "Place") in found
    assert all(m.span.start in bounds[0] and m.span.end in bounds[1] for m in find_mentions(doc))
