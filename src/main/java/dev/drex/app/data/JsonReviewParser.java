package dev.drex.app.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drex.app.data.ReviewFactory.FieldNames;

import java.util.function.Consumer;

/**
 * Parses one line of a JSON-lines review file (formats {@link InputFormat#JSON2014},
 * {@link InputFormat#JSONL2023}, {@link InputFormat#PERSONA2023}) into zero or more reviews.
 * A persona line holds one user and a {@code history} array: each entry is one review.
 */
final class JsonReviewParser {

    /** Shared, thread-safe; trailing text after the object is an error. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final InputFormat format;
    private final ReviewFactory factory;

    JsonReviewParser(InputFormat format, ReviewFactory factory) {
        if (format != InputFormat.JSON2014 && format != InputFormat.JSONL2023 && format != InputFormat.PERSONA2023) {
            throw new IllegalArgumentException("not a JSON format: " + format);
        }
        this.format = format;
        this.factory = factory;
    }

    /** Parses {@code text} (line {@code line}) and passes each accepted review to {@code sink}. */
    void parse(String text, long line, Consumer<Review> sink) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            factory.reject(IssueKind.MALFORMED_JSON, line, e.getOriginalMessage());
            return;
        }
        if (root == null || !root.isObject()) {
            factory.reject(IssueKind.MALFORMED_JSON, line, "not a JSON object");
            return;
        }
        switch (format) {
            case JSON2014 -> emit(sink, one(line, FieldNames.JSON2014, root.get("reviewerID"), root.get("asin"),
                    root.get("overall"), root.get("summary"), root.get("reviewText"), root.get("unixReviewTime")));
            case JSONL2023 -> emit(sink, one(line, FieldNames.JSONL2023, root.get("user_id"), root.get("parent_asin"),
                    root.get("rating"), root.get("title"), root.get("text"), root.get("timestamp")));
            case PERSONA2023 -> {
                JsonNode history = root.get("history");
                if (history == null || !history.isArray()) {
                    factory.reject(IssueKind.MISSING_FIELD, line, "'history' is missing or not an array");
                    return;
                }
                for (JsonNode entry : history) {
                    if (!entry.isObject()) {
                        factory.reject(IssueKind.MALFORMED_JSON, line, "a 'history' entry is not an object");
                        continue;
                    }
                    emit(sink, one(line, FieldNames.PERSONA2023, root.get("user_id"), entry.get("parent_asin"),
                            entry.get("rating"), entry.get("review_title"), entry.get("review_full"),
                            entry.get("timestamp_ms")));
                }
            }
            default -> throw new IllegalStateException(format.toString());
        }
    }

    private static void emit(Consumer<Review> sink, Review review) {
        if (review != null) sink.accept(review);
    }

    private Review one(long line, FieldNames names, JsonNode user, JsonNode item, JsonNode rating,
                       JsonNode title, JsonNode text, JsonNode time) {
        double ratingValue = rating != null && rating.isNumber() ? rating.asDouble() : Double.NaN;
        Long timeValue = null;
        if (time != null && time.isIntegralNumber() && time.canConvertToLong()) timeValue = time.asLong();
        return factory.build(line, names, scalar(user), scalar(item), scalar(rating), ratingValue,
                scalar(title), scalar(text), scalar(time), timeValue);
    }

    /** Text of a scalar node; {@code null} when absent, JSON null, or an array/object. */
    private static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) return null;
        return node.asText();
    }
}
