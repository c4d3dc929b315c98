package dev.drex.tokenizer.bert;

import java.util.Arrays;

/**
 * A prefix tree over the UTF-16 chars of every vocabulary token, for WordPiece's longest-match
 * search in one left-to-right walk instead of one hash lookup per candidate length.
 *
 * <p>Nodes are ints (0 is the root); the edge {@code (node, char) -> child} lives in one
 * open-addressing hash table keyed by {@code node << 16 | char}, and {@code tokenId[node]} is
 * the id of the token spelled by the path to {@code node}, or -1.
 */
final class VocabularyTrie {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] children;
    private int mask;
    private int edges;
    private int[] tokenId = new int[1024];
    private int nodes = 1;

    VocabularyTrie(Vocabulary vocab) {
        int capacity = Integer.highestOneBit(Math.max(16, vocab.size() * 16)) ;
        keys = new long[capacity];
        children = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        Arrays.fill(tokenId, -1);
        for (int id = 0; id < vocab.size(); id++) insert(vocab.token(id), id);
    }

    private void insert(String token, int id) {
        int node = 0;
        for (int i = 0; i < token.length(); i++) {
            int next = child(node, token.charAt(i));
            if (next < 0) next = addChild(node, token.charAt(i));
            node = next;
        }
        tokenId[node] = id;
    }

    /** The child of {@code node} along {@code c}, or -1. */
    int child(int node, char c) {
        long key = ((long) node << 16) | c;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) return children[slot];
            if (k == EMPTY) return -1;
        }
    }

    /** The id of the token that ends at {@code node}, or -1 if the path is only a prefix. */
    int tokenId(int node) {
        return tokenId[node];
    }

    /** The node reached from the root along {@code s}, or -1. */
    int walk(String s) {
        int node = 0;
        for (int i = 0; i < s.length() && node >= 0; i++) node = child(node, s.charAt(i));
        return node;
    }

    private int addChild(int node, char c) {
        if ((edges + 1) * 2 > keys.length) grow();
        int child = nodes++;
        if (child == tokenId.length) {
            int old = tokenId.length;
            tokenId = Arrays.copyOf(tokenId, old * 2);
            Arrays.fill(tokenId, old, tokenId.length, -1);
        }
        put(((long) node << 16) | c, child);
        edges++;
        return child;
    }

    private void put(long key, int child) {
        int slot = hash(key) & mask;
        while (keys[slot] != EMPTY) slot = (slot + 1) & mask;
        keys[slot] = key;
        children[slot] = child;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = new long[oldKeys.length * 2];
        children = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != EMPTY) put(oldKeys[i], oldChildren[i]);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }
}
