package dev.quillstream.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON instance of a schema, filled from the hints: titles, questions and prose are chosen by
 * property name and position, so an outline schema yields a plausible outline of exactly the
 * requested size.
 */
final class SchemaDraft {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> SECTION_ANGLES = List.of(
            "Understanding %s",
            "How %s Works",
            "Getting Started with %s",
            "Best Practices for %s",
            "Common Pitfalls with %s",
            "Measuring Success with %s",
            "Choosing Tools for %s",
            "Scaling %s",
            "Keeping %s Secure",
            "Where %s Is Heading");
    private static final List<String> SUBTOPIC_ANGLES = List.of(
            "Why %s Matters",
            "Key Ideas Behind %s", "A Worked Example of %s", "Trade-offs of %s", "A Checklist for %s");
    private static final List<String> QUESTIONS = List.of(
            "What is %s?",
            "How does %s relate to %s?",
            "When should you use %s?",
            "What are common mistakes with %s?",
            "How do you measure the results of %s?",
            "Is %s worth the effort for a small team?");

    private SchemaDraft() {}

    static String write(JsonNode schema, DraftHints hints, long seed) {
        return JSON.writeValueAsString(new SchemaDraft.Walk(hints, seed).value(schema, new ArrayList<>()));
    }

    /** A position in the instance: a property name, with the index when it is an array element. */
    private record Step(String property, int index) {}

    private record Walk(DraftHints hints, long seed) {

        JsonNode value(JsonNode schema, List<Step> path) {
            String type = schema.path("type").asString("string");
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            return switch (type) {
                case "object" -> object(schema, path);
                case "array" -> array(schema, path);
                case "integer", "number" ->
                    NODES.numberNode(schema.path("minimum").asInt(1));
                case "boolean" -> NODES.booleanNode(true);
                default -> NODES.stringNode(text(path));
            };
        }

        ObjectNode object(JsonNode schema, List<Step> path) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                List<Step> child = new ArrayList<>(path);
                child.add(new Step(property.getKey(), -1));
                object.set(property.getKey(), value(property.getValue(), child));
            }
            return object;
        }

        ArrayNode array(JsonNode schema, List<Step> path) {
            int size = schema.has("minItems") ? schema.get("minItems").asInt() : 3;
            if (schema.has("maxItems")) {
                size = Math.min(size, schema.get("maxItems").asInt());
            }
            ArrayNode array = NODES.arrayNode();
            Step last = path.getLast();
            for (int i = 0; i < size; i++) {
                List<Step> element = new ArrayList<>(path.subList(0, path.size() - 1));
                element.add(new Step(last.property(), i));
                array.add(value(schema.path("items"), element));
            }
            return array;
        }

        String text(List<Step> path) {
            Step here = path.isEmpty() ? new Step("text", -1) : path.getLast();
            String name = here.property().toLowerCase(Locale.ROOT);
            int section = indexOf(path, "sections", "chapters");
            int subtopic = indexOf(path, "subtopics", "topics");
            if (name.contains("slug")) {
                String slug = slug(hints.topic());
                String keyword = slug(hints.primaryKeyword());
                return slug.contains(keyword) ? slug : keyword + "-" + slug;
            }
            if (name.equals("title") && subtopic >= 0) {
                return SUBTOPIC_ANGLES
                        .get(subtopic % SUBTOPIC_ANGLES.size())
                        .formatted(sectionSubject(Math.max(section, 0)));
            }
            if (name.equals("title") && section >= 0) {
                return sectionTitle(section);
            }
            if (name.equals("title")) {
                String keyword = upperFirst(hints.primaryKeyword());
                String topic = titleCase(hints.topic());
                return fitted(
                        hints.title(),
                        keyword.equalsIgnoreCase(topic)
                                ? topic + ": A Practical Guide"
                                : keyword + " for " + topic + ": A Practical Guide",
                        keyword + " in " + topic + ": A Practical Guide for Teams",
                        keyword + " and " + topic + ": A Guide",
                        keyword + ": A Practical Guide for Teams",
                        keyword + ": A Practical Guide to Getting It Right",
                        keyword + ": A Practical Guide",
                        keyword + " Explained");
            }
            if (name.equals("name")) {
                // An entry of a list of things (a book's bible): a short name, not prose.
                int entry = Math.max(0, indexOf(path, "entries", "items"));
                return titleCase(hints.keyword(entry)) + " in " + hints.subject() + " (" + (entry + 1) + ")";
            }
            if (name.contains("alt")) {
                return "Diagram of " + hints.subject() + " in " + hints.topic();
            }
            if (name.contains("placement")) {
                return "Introduction";
            }
            if (name.contains("description")) {
                String about = hints.primaryKeyword().equalsIgnoreCase(hints.topic())
                        ? "A practical guide to " + hints.topic()
                        : "A practical guide to " + hints.primaryKeyword() + " in " + hints.topic();
                return fitted(
                        hints.description(),
                        "A practical guide to " + hints.topic() + ", covering " + String.join(", ", keywordsOrTopic())
                                + ", with examples, trade-offs and answers to common questions.",
                        about
                                + ": how it works, how to set it up, the mistakes to avoid, and answers to common questions.",
                        about + ": how it works, how to set it up, and the common mistakes teams make.",
                        about + ", with examples and answers to common questions.");
            }
            if (here.index() >= 0 && name.contains("related")) {
                List<String> terms =
                        List.of("checklist", "simple defaults", "experiments", "decisions", "goals", "log");
                return terms.get(here.index() % terms.size());
            }
            if (name.equals("question") || here.index() >= 0 && name.startsWith("question")) {
                int i = Math.max(here.index(), indexOf(path, "faq", "questions"));
                return QUESTIONS
                        .get(Math.max(i, 0) % QUESTIONS.size())
                        .formatted(hints.keyword(Math.max(i, 0)), hints.topic());
            }
            if (here.index() >= 0 && (name.contains("tag") || name.contains("keyword"))) {
                List<String> terms = new ArrayList<>(keywordsOrTopic());
                terms.add(hints.topic());
                terms.addAll(List.of(hints.topic().toLowerCase(Locale.ROOT).split("\\s+")));
                terms.addAll(List.of("guide", "best practices", "how to", "tutorial"));
                List<String> distinct = terms.stream()
                        .map(t -> t.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
                return distinct.get(here.index() % distinct.size());
            }
            if (here.index() >= 0) {
                return "Point " + (here.index() + 1) + " about " + hints.subject();
            }
            int words = name.equals("answer") ? 60 : name.contains("summary") ? 50 : 120;
            DraftHints prose = hints.about(hints.subject(), words);
            if (name.equals("introduction") || name.equals("conclusion")) {
                prose = prose.leadingWith(hints.primaryKeyword());
            }
            return ProseDraft.write(prose, seed + path.hashCode());
        }

        /** Beyond the angles' count (a book's twenty chapters), a part number keeps titles apart. */
        String sectionTitle(int section) {
            String title = SECTION_ANGLES.get(section % SECTION_ANGLES.size()).formatted(sectionSubject(section));
            return section < SECTION_ANGLES.size() ? title : title + ", Part " + (section / SECTION_ANGLES.size() + 1);
        }

        /** Section 0 is about the topic, the next ones about each keyword in turn. */
        String sectionSubject(int section) {
            if (section == 0 || hints.keywords().isEmpty()) {
                return titleCase(hints.topic());
            }
            return hints.keyword(section - 1).toUpperCase(Locale.ROOT).equals(hints.keyword(section - 1))
                    ? hints.keyword(section - 1)
                    : titleCase(hints.keyword(section - 1));
        }

        List<String> keywordsOrTopic() {
            return hints.keywords().isEmpty() ? List.of(hints.topic()) : hints.keywords();
        }
    }

    private static int indexOf(List<Step> path, String... properties) {
        for (int i = path.size() - 1; i >= 0; i--) {
            for (String property : properties) {
                if (path.get(i).property().equals(property) && path.get(i).index() >= 0) {
                    return path.get(i).index();
                }
            }
        }
        return -1;
    }

    static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "post" : slug;
    }

    /** The first candidate within the bounds; the closest one when none fits. */
    private static String fitted(DraftHints.Bounds bounds, String... candidates) {
        for (String candidate : candidates) {
            if (bounds.fits(candidate)) {
                return candidate;
            }
        }
        String closest = candidates[0];
        for (String candidate : candidates) {
            if (distance(bounds, candidate) < distance(bounds, closest)) {
                closest = candidate;
            }
        }
        // Too short whatever the wording (a short topic and keyword): pad with plain qualifiers.
        for (String padding : PADDING) {
            if (closest.length() >= bounds.min()
                    || !bounds.fits(closest + padding) && closest.length() + padding.length() > bounds.max()) {
                break;
            }
            closest = closest.endsWith(".")
                    ? closest.substring(0, closest.length() - 1) + padding.toLowerCase(Locale.ROOT) + "."
                    : closest + padding;
        }
        return closest;
    }

    private static final List<String> PADDING =
            List.of(" for Teams", " With Examples", " and Answers", " Step by Step");

    private static int distance(DraftHints.Bounds bounds, String text) {
        return text.length() < bounds.min() ? bounds.min() - text.length() : Math.max(0, text.length() - bounds.max());
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String titleCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
