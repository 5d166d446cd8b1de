package dev.complianceharness.mask.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton: finds every occurrence of many patterns in one pass over a text, whatever
 * their number. Immutable once built, so any number of threads may search with it.
 */
final class Automaton {

    /** Receives each occurrence found. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param pattern the index of the pattern, in the order given to {@link #build(List)}
         * @param start   where the occurrence starts in the searched text
         * @param end     the index after it
         */
        void found(int pattern, int start, int end);
    }

    private static final char[] NO_CHARS = new char[0];
    private static final int[] NO_INTS = new int[0];

    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    private final int[] failure;
    private final int[] output;
    private final int[] outputLink;
    private final int[] patternLengths;

    private Automaton(char[][] edgeChars, int[][] edgeTargets, int[] failure, int[] output, int[] outputLink,
                      int[] patternLengths) {
        this.edgeChars = edgeChars;
        this.edgeTargets = edgeTargets;
        this.failure = failure;
        this.output = output;
        this.outputLink = outputLink;
        this.patternLengths = patternLengths;
    }

    /**
     * Builds the automaton.
     *
     * @param patterns non-empty patterns; a pattern given twice is reported under its first index
     * @return the automaton
     */
    static Automaton build(List<String> patterns) {
        List<Map<Character, Integer>> children = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        children.add(new HashMap<>());
        outputs.add(-1);
        int[] lengths = new int[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            lengths[p] = pattern.length();
            int node = 0;
            for (int i = 0; i < pattern.length(); i++) {
                Integer next = children.get(node).get(pattern.charAt(i));
                if (next == null) {
                    next = children.size();
                    children.get(node).put(pattern.charAt(i), next);
                    children.add(new HashMap<>());
                    outputs.add(-1);
                }
                node = next;
            }
            if (outputs.get(node) < 0) {
                outputs.set(node, p);
            }
        }
        int nodes = children.size();
        char[][] edgeChars = new char[nodes][];
        int[][] edgeTargets = new int[nodes][];
        for (int node = 0; node < nodes; node++) {
            Map<Character, Integer> edges = children.get(node);
            if (edges.isEmpty()) {
                edgeChars[node] = NO_CHARS;
                edgeTargets[node] = NO_INTS;
                continue;
            }
            char[] chars = new char[edges.size()];
            int k = 0;
            for (char c : edges.keySet()) {
                chars[k++] = c;
            }
            Arrays.sort(chars);
            int[] targets = new int[chars.length];
            for (int i = 0; i < chars.length; i++) {
                targets[i] = edges.get(chars[i]);
            }
            edgeChars[node] = chars;
            edgeTargets[node] = targets;
        }
        int[] output = new int[nodes];
        for (int node = 0; node < nodes; node++) {
            output[node] = outputs.get(node);
        }
        int[] failure = new int[nodes];
        int[] outputLink = new int[nodes];
        Arrays.fill(outputLink, -1);
        Deque<Integer> queue = new ArrayDeque<>();
        for (int target : edgeTargets[0]) {
            failure[target] = 0;
            queue.add(target);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int i = 0; i < edgeChars[node].length; i++) {
                char c = edgeChars[node][i];
                int child = edgeTargets[node][i];
                int fallback = failure[node];
                int next = step(edgeChars, edgeTargets, fallback, c);
                while (next < 0 && fallback != 0) {
                    fallback = failure[fallback];
                    next = step(edgeChars, edgeTargets, fallback, c);
                }
                failure[child] = next < 0 || next == child ? 0 : next;
                int linked = failure[child];
                outputLink[child] = output[linked] >= 0 ? linked : outputLink[linked];
                queue.add(child);
            }
        }
        return new Automaton(edgeChars, edgeTargets, failure, output, outputLink, lengths);
    }

    private static int step(char[][] edgeChars, int[][] edgeTargets, int node, char c) {
        int at = Arrays.binarySearch(edgeChars[node], c);
        return at < 0 ? -1 : edgeTargets[node][at];
    }

    /**
     * Reports every occurrence of every pattern in a text, overlapping ones included.
     *
     * @param text the text
     * @param sink receives the occurrences, in order of their end
     */
    void search(CharSequence text, Sink sink) {
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next = step(edgeChars, edgeTargets, node, c);
            while (next < 0 && node != 0) {
                node = failure[node];
                next = step(edgeChars, edgeTargets, node, c);
            }
            node = next < 0 ? 0 : next;
            for (int hit = output[node] >= 0 ? node : outputLink[node]; hit >= 0; hit = outputLink[hit]) {
                int pattern = output[hit];
                sink.found(pattern, i + 1 - patternLengths[pattern], i + 1);
            }
        }
    }
}
