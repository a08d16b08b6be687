"""The formatting editors may use in rich text, so every page type offers the same toolbar."""

# Short passages (introductions, the join page's texts): no headings or images, so a page's
# structure stays in its body's blocks.
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Paragraphs in a page's body may also link to documents, and hold headings (text pasted from
# Word keeps them; saving makes them heading blocks, portal/word_paste.py).
BODY_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
