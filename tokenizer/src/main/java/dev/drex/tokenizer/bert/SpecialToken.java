package dev.drex.tokenizer.bert;

/** A special token recognized verbatim in raw text, with its vocabulary id. */
public record SpecialToken(String content, int id) {}
