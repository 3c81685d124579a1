package dev.parley.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Message bodies that look like a team's chat: words drawn from a fixed vocabulary with Zipf frequencies (the
 * first word of {@link #VOCABULARY} is the most common), sentences of mostly a few words, now and then a long
 * one, and once in a while a rare word. The benchmark searches for words from here, so a common word matches
 * tens of thousands of messages and a rare one a few dozen.
 */
final class ChatText {

    /** Ordered from most to least frequent; a word's weight is 1 / rank. */
    static final List<String> VOCABULARY = List.of(
            "the", "to", "i", "a", "and", "it", "is", "we", "you", "that",
            "on", "for", "of", "in", "this", "be", "can", "so", "have", "just",
            "not", "with", "but", "will", "do", "what", "are", "if", "at", "think",
            "ok", "yes", "now", "there", "me", "my", "about", "was", "from", "all",
            "thanks", "get", "today", "out", "one", "up", "know", "how", "when", "let",
            "build", "deploy", "meeting", "release", "test", "review", "branch", "fix", "issue", "server",
            "tomorrow", "morning", "lunch", "coffee", "team", "check", "looks", "good", "done", "working",
            "update", "merge", "ticket", "customer", "design", "doc", "call", "sync", "week", "later",
            "sure", "maybe", "already", "again", "still", "need", "should", "could", "would", "also",
            "please", "sorry", "great", "nice", "cool", "agree", "idea", "problem", "question", "answer",
            "database", "query", "index", "cache", "latency", "memory", "cpu", "disk", "network", "logs",
            "error", "exception", "timeout", "retry", "config", "setting", "feature", "flag", "rollout", "rollback",
            "staging", "production", "pipeline", "job", "failed", "passed", "green", "red", "flaky", "slow",
            "fast", "faster", "benchmark", "profile", "trace", "metric", "alert", "pager", "oncall", "incident",
            "postmortem", "outage", "restart", "node", "cluster", "redis", "postgres", "sqlite", "java", "payara",
            "frontend", "backend", "api", "endpoint", "request", "response", "payload", "schema", "migration", "column",
            "table", "row", "search", "history", "message", "room", "channel", "user", "account", "password",
            "login", "session", "cookie", "token", "browser", "mobile", "desktop", "screen", "button", "page",
            "scroll", "click", "layout", "font", "color", "icon", "dark", "mode", "theme", "draft",
            "plan", "roadmap", "sprint", "estimate", "deadline", "friday", "monday", "weekend", "holiday", "vacation",
            "office", "remote", "home", "train", "late", "early", "minutes", "hour", "afternoon", "evening",
            "pizza", "cake", "birthday", "party", "welcome", "hello", "hi", "bye", "night", "weather",
            "rain", "sun", "snow", "walk", "bike", "car", "bus", "taxi", "flight", "hotel",
            "budget", "invoice", "contract", "legal", "sales", "marketing", "launch", "demo", "slides", "notes",
            "agenda", "recap", "decision", "vote", "poll", "survey", "feedback", "hiring", "interview", "candidate",
            "onboarding", "laptop", "keyboard", "monitor", "headphones", "microphone", "camera", "wifi", "vpn", "printer",
            "café", "naïve", "résumé", "façade", "jalapeño", "déjà", "über", "smörgåsbord", "crème", "piñata",
            "spreadsheet", "dashboard", "report", "quarter", "revenue", "growth", "churn", "retention", "funnel", "cohort",
            "refactor", "cleanup", "typo", "comment", "docs", "readme", "changelog", "version", "tag", "hotfix",
            "upgrade", "dependency", "library", "plugin", "compiler", "runtime", "container", "image", "volume", "backup",
            "restore", "snapshot", "replica", "primary", "failover", "vacuum", "analyze", "explain", "statistics", "histogram");

    /**
     * Words no sentence draws by frequency: each is put in about one message in twenty thousand, so a search
     * for one finds a few dozen messages among a million.
     */
    static final List<String> RARE_WORDS = List.of(
            "quokka", "zeppelin", "kerfuffle", "bumfuzzle", "flibbertigibbet", "gobbledygook", "lollygag",
            "snollygoster", "wabbajack", "xylophone", "quixotic", "serendipity", "defenestrate", "cattywampus",
            "brouhaha", "skedaddle", "hullabaloo", "taradiddle", "widdershins", "collywobbles");

    private static final double RARE_WORD_CHANCE = 1.0 / 1_000;
    private static final double LONG_MESSAGE_CHANCE = 0.02;
    private static final String[] ENDINGS = {"", "", "", ".", ".", "?", "!", " :)", "..."};

    private final double[] cumulative = new double[VOCABULARY.size()];

    ChatText() {
        double sum = 0;
        for (int rank = 1; rank <= VOCABULARY.size(); rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Common words for searching: ranks 11 to 60, each in several percent of all messages. */
    static List<String> commonSearchWords() {
        return VOCABULARY.subList(10, 60).stream().filter(word -> word.length() > 2).toList();
    }

    /** Words of middling frequency (ranks 40 to 150) to pair in two-word searches. */
    static List<String> middlingWords() {
        return VOCABULARY.subList(40, 150);
    }

    String body(SplittableRandom random) {
        int words = random.nextDouble() < LONG_MESSAGE_CHANCE
                ? random.nextInt(60, 160)
                : 1 + (int) Math.min(59, -Math.log(1 - random.nextDouble()) * 8);
        StringBuilder text = new StringBuilder(words * 7);
        int rarePosition = random.nextDouble() < RARE_WORD_CHANCE ? random.nextInt(words) : -1;
        for (int i = 0; i < words; i++) {
            String word = i == rarePosition ? RARE_WORDS.get(random.nextInt(RARE_WORDS.size())) : word(random);
            if (i == 0) {
                text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                text.append(random.nextInt(12) == 0 ? ", " : " ").append(word);
            }
        }
        return text.append(ENDINGS[random.nextInt(ENDINGS.length)]).toString();
    }

    private String word(SplittableRandom random) {
        double point = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < point) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return VOCABULARY.get(low);
    }
}
