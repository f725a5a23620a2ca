package org.carebook.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Names for 50,000 seeded patients with the spread of a real list: a few common surnames (the most
 * common about 0.8 % of patients, as Smith is in the US and UK), a long tail of rare ones, thousands
 * of distinct names in all. The common ones are real names from many languages; the tail is built from
 * syllables. Ranks are drawn from a Zipf distribution, so a searched prefix matches as many patients
 * as it would in a clinic's own list.
 */
final class Names {

    private static final List<String> COMMON_FIRST = List.of(
            "Ada", "Ben", "Chloé", "Dev", "Eva", "Farah", "George", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Mateo",
            "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma", "Vik", "Wen", "Yusuf", "Zoë", "Maria",
            "James", "Fatima", "Li", "Anna", "David", "Sofia", "Ahmed");
    private static final List<String> COMMON_LAST = List.of(
            "Smith",
            "Jones",
            "Patel",
            "Nguyen",
            "García",
            "Müller",
            "Khan",
            "Kowalski",
            "Silva",
            "O'Brien",
            "Rossi",
            "Dubois",
            "Novak",
            "Okafor",
            "Raman",
            "Andersen",
            "Yamamoto",
            "Ivanova",
            "Mensah",
            "Haddad",
            "Cohen",
            "Fernández",
            "Lindqvist",
            "Murphy",
            "Ahmed",
            "Costa",
            "Schmidt",
            "Wright",
            "Taylor",
            "Brown",
            "Walker",
            "Edwards",
            "Hughes",
            "Clarke",
            "Byron",
            "Hopper",
            "Turing");
    private static final String[] ONSETS = {
        "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "sh",
        "st", "t", "tr", "v", "w", "y", "z"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "k", "m", "nd", "rt", "st", "ck", "sk"};

    static final List<String> FIRST = build(COMMON_FIRST, 1_500, 2, 1);
    static final List<String> LAST = build(COMMON_LAST, 20_000, 3, 2);
    private static final Zipf FIRST_RANKS = new Zipf(FIRST.size(), 0.7);
    private static final Zipf LAST_RANKS = new Zipf(LAST.size(), 0.6);

    private Names() {}

    static String first(RandomGenerator random) {
        return FIRST.get(FIRST_RANKS.rank(random.nextDouble()));
    }

    static String last(RandomGenerator random) {
        return LAST.get(LAST_RANKS.rank(random.nextDouble()));
    }

    /**
     * What a receptionist types to find a patient: the first three to five letters of a surname, drawn as
     * patients are; one time in ten with two neighbouring letters swapped, as in "Smiht".
     */
    static String searchText() {
        var random = ThreadLocalRandom.current();
        String last = last(random);
        String typed = last.substring(0, Math.min(last.length(), 3 + random.nextInt(3)));
        if (typed.length() < 4 || random.nextInt(10) != 0) {
            return typed;
        }
        int i = 1 + random.nextInt(typed.length() - 2);
        return typed.substring(0, i) + typed.charAt(i + 1) + typed.charAt(i) + typed.substring(i + 2);
    }

    private static List<String> build(List<String> common, int size, int maxSyllables, long seed) {
        var names = new LinkedHashSet<>(common);
        var random = new Random(seed);
        while (names.size() < size) {
            var name = new StringBuilder();
            int syllables = 1 + random.nextInt(maxSyllables);
            for (int s = 0; s < syllables; s++) {
                name.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            name.append(CODAS[random.nextInt(CODAS.length)]);
            if (name.length() >= 3) {
                names.add(Character.toUpperCase(name.charAt(0))
                        + name.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(new ArrayList<>(names));
    }

    /** Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s, drawn by inverting the cumulative sums. */
    private record Zipf(double[] cumulative) {

        Zipf(int n, double s) {
            this(cumulative(n, s));
        }

        private static double[] cumulative(int n, double s) {
            double[] sums = new double[n];
            double total = 0;
            for (int k = 0; k < n; k++) {
                total += Math.pow(k + 1, -s);
                sums[k] = total;
            }
            for (int k = 0; k < n; k++) {
                sums[k] /= total;
            }
            return sums;
        }

        int rank(double uniform) {
            int found = java.util.Arrays.binarySearch(cumulative, uniform);
            return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
        }
    }
}
