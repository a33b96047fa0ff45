package dev.copilotsuite.copilot.service;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.copilotsuite.events.call.Decision;

/**
 * What the agent reads on a card: the question in the corpus's words, and a calm script built from the
 * decision and the deciding clause. Templates only take corpus text, item names and figures, never the
 * caller's words, so nothing a caller says can put words in the agent's mouth.
 */
final class Scripts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private Scripts() {
    }

    static String question(Question question) {
        if (question.term()) {
            return question.amount() != null ? "Is the " + lower(question.item()) + " " + dollars(question.amount()) + "?"
                    : "What do the terms say about the " + lower(question.item()) + "?";
        }
        StringBuilder text = new StringBuilder("Does the plan cover the ").append(lower(question.item()));
        if (question.part() != null) {
            text.append(" (").append(question.partWords()).append(")");
        }
        if (!question.causes().isEmpty()) {
            text.append(" when the cause is ")
                    .append(question.causes().stream().map(Scripts::lower).collect(Collectors.joining(" and ")));
        }
        if (question.amount() != null) {
            text.append(", at ").append(dollars(question.amount()));
        }
        return text.append("?").toString();
    }

    /** @param fee the service fee of the contract, or null */
    static String script(Question question, Answer answer, Integer fee) {
        String item = "the " + lower(question.item()) + (question.part() == null ? "" : " (" + question.partWords() + ")");
        String quote = answer.quote() == null ? "" : " " + answer.quote();
        String visit = fee == null ? "" : " The service fee of " + dollars(fee) + " applies to the visit.";
        return switch (answer.reason()) {
            case COVERED -> "Yes, your plan covers " + item + "." + quote
                    + (answer.cap() == null || quote.contains(dollars(answer.cap())) ? ""
                            : " The plan pays up to " + dollars(answer.cap()) + " for it.")
                    + visit;
            case EXCLUDED -> "I'm sorry, this isn't covered." + quote;
            case NOT_IN_PLAN -> "I'm sorry, I don't see " + item + " among what your plan covers.";
            case NO_CONTRACT -> "I'm sorry, your contract is no longer in force"
                    + (answer.date() == null ? "" : ": it ended on " + date(answer.date()))
                    + ", so we can't take a service request under it." + quote;
            case NOT_STARTED -> "I'm sorry, your coverage hasn't started yet"
                    + (answer.date() == null ? "" : ": it starts on " + date(answer.date()))
                    + ", and a failure that begins before then isn't covered." + quote;
            case ROLE_LIMIT -> "I'm sorry, your coverage doesn't include " + item + "." + quote;
            case WAITING_PERIOD -> "Your plan covers " + item + ", but your contract is still in its waiting period"
                    + (answer.date() == null ? "" : " until " + date(answer.date()))
                    + ", and a failure that starts before then isn't covered." + quote;
            case SPLIT -> "Your plan covers part of this, not all of it." + quote;
            case CAPPED -> "Your plan covers this up to " + dollars(answer.cap()) + ", so of the " + dollars(answer.amount())
                    + " quoted, HearthGuard pays up to " + dollars(answer.cap()) + " and the rest would be yours." + quote;
            case TERM -> term(question, answer);
        };
    }

    private static String term(Question question, Answer answer) {
        if (CoverageDecider.SERVICE_FEE.equals(question.item()) && answer.cap() != null) {
            return "The service fee on your contract is " + dollars(answer.cap()) + " per service request"
                    + (answer.decision() == Decision.NO ? ", not " + dollars(answer.amount()) : "") + "." + quoteOf(answer);
        }
        if (CoverageDecider.WAITING_PERIOD.equals(question.item()) && answer.decision() == Decision.YES) {
            return "Yes, you're covered: the waiting period doesn't hold this back." + quoteOf(answer);
        }
        if (CoverageDecider.WAITING_PERIOD.equals(question.item())) {
            return "There is a waiting period" + (answer.date() == null ? "" : " until " + date(answer.date()))
                    + "; a failure that starts during it isn't covered." + quoteOf(answer);
        }
        String opening = switch (answer.decision()) {
            case YES -> "Yes.";
            case NO -> "I'm sorry, no.";
            case PARTIAL -> "Partly.";
        };
        return opening + quoteOf(answer);
    }

    private static String quoteOf(Answer answer) {
        return answer.quote() == null ? "" : " " + answer.quote();
    }

    private static String lower(String item) {
        return item.toLowerCase(Locale.ROOT);
    }

    private static String dollars(Integer amount) {
        return "$" + NumberFormat.getIntegerInstance(Locale.US).format(amount);
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }
}
