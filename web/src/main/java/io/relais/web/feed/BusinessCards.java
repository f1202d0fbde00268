package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.relais.web.layout.Msg;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * A business card (feed-service's {@code card}: source, eventType, title and summary by language, and the
 * system's raw {@code data}) written for its reader: the label of its event type, and, for the event types
 * Relais knows, a title and a summary composed in the reader's language from the data — amounts in the reader's
 * currency format and dates in their date format (the JDK's CLDR locale data), people by display name, years with
 * their plural; an HR card names its person by display name also when HR sent only the login. Anything else, or a card whose data lacks a field the sentence needs, shows the system's own
 * text in the reader's language (falling back to the other one). Templates: {@code {card:label(post.card)}},
 * {@code {card:title(post.card, post.author)}}, {@code {card:summary(post.card, post.author)}}, {@code {card:openLabel(post.card)}},
 * {@code {card:webLink(a.url)}}.
 */
public final class BusinessCards {

    private BusinessCards() {
    }

    /** What kind of event this is, e.g. "Work anniversary", never "New hire" for anything but a hire. */
    @TemplateExtension(namespace = "card")
    public static String label(JsonNode card, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        Msg msg = msg(locale);
        return switch (text(card, "eventType")) {
            case "employee.hired" -> msg.cardHired();
            case "employee.anniversary" -> msg.cardAnniversary();
            case "employee.left" -> msg.cardLeft();
            case "employee.moved" -> msg.cardMoved();
            case "opportunity.won" -> msg.cardDealWon();
            case "opportunity.lost" -> msg.cardDealLost();
            case "opportunity.created" -> msg.cardOpportunity();
            case "contract.signed" -> msg.cardContract();
            case "document.published" -> msg.cardDocPublished();
            case "document.updated" -> msg.cardDocUpdated();
            case "document.shared" -> msg.cardDocShared();
            default -> switch (text(card, "source")) {
                case "hr" -> msg.cardHr();
                case "crm" -> msg.cardCrm();
                case "ecm" -> msg.cardEcm();
                default -> msg.cardGeneric();
            };
        };
    }

    @TemplateExtension(namespace = "card")
    public static String title(JsonNode card, JsonNode author, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        Locale l = locale(locale);
        Msg msg = msg(locale);
        JsonNode d = card == null ? null : card.path("data");
        String composed = switch (text(card, "eventType")) {
            case "employee.anniversary" -> has(d, "years") ? msg.cardAnniversaryTitle(person(d, author), d.path("years").asInt()) : null;
            // the connector's title falls back to the login when HR sends no displayName ("Farewell bob")
            case "employee.left" -> has(d, "login") ? cards(locale).leftTitle(person(d, author)) : null;
            case "employee.moved" -> has(d, "login") ? cards(locale).movedTitle(person(d, author)) : null;
            case "document.shared" -> has(d, "owner", "title") ? msg.cardDocSharedTitle(owner(d, author), d.path("title").asText()) : null;
            default -> null;
        };
        return composed != null ? composed : inLanguage(card == null ? null : card.path("title"), l);
    }

    @TemplateExtension(namespace = "card")
    public static String summary(JsonNode card, JsonNode author, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        Locale l = locale(locale);
        Msg msg = msg(locale);
        JsonNode d = card == null ? null : card.path("data");
        String composed = switch (text(card, "eventType")) {
            case "employee.hired" -> has(d, "department", "title", "startDate")
                    ? msg.cardHiredSummary(person(d, author), d.path("department").asText(), d.path("title").asText(), date(d.path("startDate").asText(), l))
                    : null;
            case "employee.anniversary" -> has(d, "years") ? msg.cardAnniversarySummary(person(d, author), d.path("years").asInt()) : null;
            case "employee.left" -> has(d, "leftDate") ? msg.cardLeftSummary(person(d, author), date(d.path("leftDate").asText(), l)) : null;
            case "employee.moved" -> has(d, "login") && moveOf(d) != null ? cards(locale).movedSummary(person(d, author), moveOf(d)) : null;
            case "opportunity.won" -> has(d, "account", "amount", "owner")
                    ? msg.cardDealWonSummary(d.path("account").asText(), money(d, l), owner(d, author)) : null;
            case "opportunity.created" -> has(d, "account", "amount", "owner")
                    ? msg.cardOpportunitySummary(d.path("account").asText(), money(d, l), owner(d, author)) : null;
            case "opportunity.lost" -> has(d, "account", "amount")
                    ? msg.cardDealLostSummary(d.path("account").asText(), money(d, l), d.path("reason").asText("")) : null;
            case "contract.signed" -> has(d, "amount", "owner") && (has(d, "name") || has(d, "contractId"))
                    ? msg.cardContractSummary(d.path("name").asText(d.path("contractId").asText()), money(d, l), owner(d, author)) : null;
            case "document.published" -> has(d, "owner") ? msg.cardDocPublishedSummary(owner(d, author), d.path("summary").asText(d.path("title").asText(""))) : null;
            case "document.updated" -> has(d, "owner") ? msg.cardDocUpdatedSummary(owner(d, author), d.path("summary").asText(d.path("title").asText(""))) : null;
            default -> null;
        };
        return composed != null ? composed : inLanguage(card == null ? null : card.path("summary"), l);
    }

    /**
     * What the card's link opens, as its button says it: "Open document" for a document (a document event, an ECM
     * card, a generic system's Document), else "Open link" (a generic Note, a CRM deal: no document).
     */
    @TemplateExtension(namespace = "card")
    public static String openLabel(JsonNode card, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        String objectType = card == null ? "" : card.path("data").path("objectType").asText("");
        boolean document = text(card, "eventType").startsWith("document.") || "ecm".equals(text(card, "source"))
                || "Document".equals(objectType);
        return document ? msg(locale).openDocument() : cards(locale).openLink();
    }

    /**
     * The URL of an attachment a card carries, when it is an absolute http or https one (feed-service keeps no other;
     * checked again as it becomes a link); null otherwise, and the template shows no link.
     */
    @TemplateExtension(namespace = "card")
    public static String webLink(Object url) {
        if (url == null) return null;
        String value = url.toString().strip();
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? value : null;
        } catch (java.net.URISyntaxException notAUri) {
            return null;
        }
    }

    /** An amount with its ISO 4217 currency in the reader's format ("€1,250,000" / "1 250 000 €"), cents only when there are any. */
    static String money(JsonNode data, Locale locale) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(data.path("amount").asText());
        } catch (NumberFormatException notANumber) {
            return (data.path("amount").asText() + " " + data.path("currency").asText("")).strip();
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        String code = data.path("currency").asText("").strip().toUpperCase(Locale.ROOT);
        NumberFormat format;
        boolean known;
        try {
            Currency currency = Currency.getInstance(code);
            format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            known = true;
        } catch (IllegalArgumentException unknownCurrency) {
            format = NumberFormat.getNumberInstance(locale);
            known = false;
        }
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        String formatted = format.format(amount);
        return known || code.isEmpty() ? formatted : formatted + " " + code;
    }

    /** An ISO date (or date-time) as the reader writes it: "1 December 2026", "1 décembre 2026". */
    static String date(String iso, Locale locale) {
        try {
            LocalDate day = LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso);
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
        } catch (RuntimeException notADate) {
            return iso;
        }
    }

    /**
     * The person the card is about: the HR display name, else the card's author when it is that person (an HR card is
     * attributed to the person it names, {@code data.login}, whom feed-service shows by profile-service's display
     * name), else the login.
     */
    private static String person(JsonNode data, JsonNode author) {
        if (has(data, "displayName")) {
            return data.path("displayName").asText();
        }
        return authorName(author, data.path("login").asText(""));
    }

    /**
     * What a move is, as the HR mapping says it: the new job title, else department, else location (the manager is a
     * login, left to the system's own text); null when the data gives none.
     */
    private static String moveOf(JsonNode data) {
        for (String f : new String[]{"title", "department", "location"}) {
            if (has(data, f)) return data.path(f).asText();
        }
        return null;
    }

    /** The system's owner login shown as that person's name when the card is attributed to them. */
    private static String owner(JsonNode data, JsonNode author) {
        return authorName(author, data.path("owner").asText(""));
    }

    private static String authorName(JsonNode author, String login) {
        if (author != null && author.hasNonNull("displayName") && (login.isEmpty() || login.equalsIgnoreCase(author.path("login").asText()))) {
            return author.path("displayName").asText();
        }
        return login;
    }

    private static String inLanguage(JsonNode byLanguage, Locale locale) {
        if (byLanguage == null || !byLanguage.isObject()) {
            return byLanguage == null || byLanguage.isMissingNode() || byLanguage.isNull() ? "" : byLanguage.asText();
        }
        for (String candidate : new String[]{locale.getLanguage(), "en", "fr", "und"}) {
            if (byLanguage.hasNonNull(candidate)) {
                return byLanguage.get(candidate).asText();
            }
        }
        return byLanguage.elements().hasNext() ? byLanguage.elements().next().asText() : "";
    }

    private static boolean has(JsonNode data, String... fields) {
        if (data == null) {
            return false;
        }
        for (String f : fields) {
            if (!data.hasNonNull(f) || data.path(f).asText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, String field) {
        return node == null ? "" : node.path(field).asText("");
    }

    private static Locale locale(Object locale) {
        return locale instanceof Locale l && "fr".equals(l.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    private static CardMsg cards(Object locale) {
        return MessageBundles.get(CardMsg.class, Localized.Literal.of(locale(locale).getLanguage()));
    }

    private static Msg msg(Object locale) {
        return MessageBundles.get(Msg.class, Localized.Literal.of(locale(locale).getLanguage()));
    }
}
