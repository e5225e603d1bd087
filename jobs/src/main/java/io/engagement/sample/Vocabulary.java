package io.engagement.sample;

import java.util.List;

/** The values the simulated product emits: event types, features, channels and their mixes. */
final class Vocabulary {
  private Vocabulary() {}

  static final String PAGE_VIEW = "page_view";
  static final String ACTION = "action";
  static final String PURCHASE = "purchase";
  static final String SUPPORT_CALL = "support_call";
  static final String SOCIAL_LIKE = "social_like";
  static final String EMAIL_OPEN = "email_open";

  static final String UPLOAD_FILE = "upload_file";
  static final String COLLABORATE = "collaborate";
  static final String SHARE = "share";
  static final String COMMENT = "comment";
  static final String EXPORT = "export";
  static final String CHECKOUT = "checkout";

  static final String DASHBOARD = "dashboard";
  static final String REPORTS = "reports";
  static final String EDITOR = "editor";
  static final String SETTINGS = "settings";
  static final String BILLING = "billing";
  static final String SEARCH = "search";
  static final String ADMIN = "admin";

  static final String WEB = "web";
  static final String MOBILE = "mobile";
  static final String API = "api";
  static final String EMAIL = "email";
  static final String SUPPORT = "support";
  static final String SOCIAL = "social";
  static final String IN_APP = "in_app";

  static final String RELATIONSHIP = "relationship";
  static final String TRANSACTIONAL = "transactional";

  /** Property keys of upload_file, read by KPIs as {@code properties.pages} / {@code properties.size_mb}. */
  static final String PAGES = "pages";
  static final String SIZE_MB = "size_mb";

  static final Weighted<String> PAGE_FEATURES =
      Weighted.of(List.of(DASHBOARD, REPORTS, EDITOR, SEARCH, SETTINGS, BILLING, ADMIN), 32, 20, 20, 12, 8, 4, 4);
  static final Weighted<String> SESSION_ACTIONS =
      Weighted.of(List.of(UPLOAD_FILE, COLLABORATE, SHARE, COMMENT, EXPORT), 30, 25, 15, 20, 10);
  static final Weighted<String> API_ACTIONS = Weighted.of(List.of(UPLOAD_FILE, EXPORT, SHARE), 45, 35, 20);
  static final Weighted<String> SUPPORT_FEATURES = Weighted.of(List.of(BILLING, SETTINGS, ADMIN, EDITOR), 40, 30, 15, 15);

  static final Weighted<String> BROWSERS = Weighted.of(List.of("chrome", "safari", "edge", "firefox"), 60, 20, 12, 8);
  static final Weighted<String> OPERATING_SYSTEMS = Weighted.of(List.of("ios", "android"), 50, 50);
  static final Weighted<String> APP_VERSIONS = Weighted.of(List.of("5.12.0", "5.12.1", "5.13.0"), 20, 30, 50);
  static final Weighted<String> EMAIL_CAMPAIGNS =
      Weighted.of(List.of("weekly_digest", "product_update", "webinar_invite"), 60, 30, 10);
  /** What broken trackers send instead of a number: KPIs must skip these (metrics.md 4). */
  static final Weighted<String> UNPARSABLE_NUMBERS = Weighted.uniform(List.of("n/a", "", "NaN"));

  static final Weighted<String> RELATIONSHIP_CHANNELS = Weighted.of(List.of(EMAIL, WEB, IN_APP), 65, 20, 15);
  static final Weighted<String> TRANSACTIONAL_CHANNELS = Weighted.of(List.of(IN_APP, EMAIL, WEB), 50, 40, 10);

  /** The product area an action happens in. */
  static String featureOf(String action) {
    return switch (action) {
      case SHARE, EXPORT -> REPORTS;
      default -> EDITOR;
    };
  }

  static final List<String> PROMOTER_COMMENTS =
      List.of(
          "Love the new dashboard 🎉",
          "Great product, our team uses it every day",
          "Reports save me hours each week",
          "Très pratique, merci !",
          "Excellent support 👍",
          "The editor is fast and reliable",
          "Sehr gutes Tool, wir nutzen es täglich",
          "Collaboration features are superb",
          "最高のツールです",
          "Would recommend to any team");
  static final List<String> PASSIVE_COMMENTS =
      List.of(
          "Good, but exports could be faster",
          "Does the job",
          "Search could be smarter",
          "Pricing is OK for what we get",
          "Bien, mais l'application mobile est lente",
          "Mostly fine, occasional glitches",
          "Useful, a bit complex for new users 🤔",
          "Works well, but \"share\" links expire too fast",
          "Good tool.\nPlease add a dark mode");
  static final List<String> DETRACTOR_COMMENTS =
      List.of(
          "Too expensive for what we use",
          "Billing page is confusing 😕",
          "Uploads keep failing on large files",
          "Support took days to reply",
          "The app is slow since the last update 😡",
          "Missing basic features",
          "Es fehlt eine gute API-Dokumentation",
          "Export to Excel breaks formatting",
          "遅すぎる。改善してください");
}
