"""The formatting editors may use in rich text, so every page type offers the same toolbar."""

# Short passages (introductions, the join page's texts): no headings or images, so a page's
# structure stays in its body's blocks.
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Paragraphs in a page's body may also link to documents.
BODY_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
