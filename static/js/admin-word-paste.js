// Paste from Word keeps its meaning. The admin's text editor (Draftail) keeps paragraphs, lists
// and, in a page's body, h2/h3 headings, but no tables; left alone it flattened a pasted table
// into loose lines, kept Word's comment markers ("[EA1]") and empty paragraphs, and made Word's
// headings plain text. This cleans a paste from Word before Draftail reads it:
// - comment markers and the comments Word appends are removed, and so are empty paragraphs;
// - headings move to the levels a body allows: Word's Heading 1 becomes h2 (the page's title is
//   its h1), Heading 2 and below become h3;
// - in a page's body each table becomes marked lines, one a row, which saving turns into a
//   table block (portal/word_paste.py, whose marks these must match); elsewhere a table
//   becomes one line a row.
(() => {
    "use strict";

    const TABLE_MARK = "\u25a6";
    const TABLE_START = `${TABLE_MARK} Table pasted from Word: it becomes a table when you save`;
    const CELL_SEPARATOR = " | ";
    const WORD_SIGNS = /urn:schemas-microsoft-com|class="?Mso|msocom|<table/i;
    const COMMENTS = [
        "a.msocomanchor",
        "a[href^='#_msocom_']",
        "span.MsoCommentReference",
        "[style*='mso-comment-reference']",
        "[style*='mso-element:comment']",
        "[class^='msocomtxt']",
    ].join(",");

    const textOf = (node) => node.textContent.replace(/[\s\u00a0]+/g, " ").trim();

    function paragraph(doc, text) {
        const p = doc.createElement("p");
        p.textContent = text;
        return p;
    }

    function tableAsLines(doc, table, inBody) {
        const rows = [...table.rows]
            .map((row) => [...row.cells].map((cell) => textOf(cell).replaceAll("|", "/")))
            .filter((cells) => cells.some(Boolean));
        const lines = rows.map((cells) =>
            paragraph(doc, inBody ? `${TABLE_MARK} ${cells.join(CELL_SEPARATOR)}` : cells.join(CELL_SEPARATOR)),
        );
        return inBody ? [paragraph(doc, TABLE_START), ...lines] : lines;
    }

    function clean(html, inBody) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        doc.body.querySelectorAll(COMMENTS).forEach((element) => element.remove());
        doc.body.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach((heading) => {
            const level = heading.tagName === "H1" ? "h2" : "h3";
            const replacement = doc.createElement(level);
            replacement.innerHTML = heading.innerHTML;
            heading.replaceWith(replacement);
        });
        doc.body.querySelectorAll("table").forEach((table) => {
            if (table.parentElement && table.parentElement.closest("table")) return;
            table.replaceWith(...tableAsLines(doc, table, inBody));
        });
        doc.body.querySelectorAll("p, h2, h3").forEach((block) => {
            if (!textOf(block) && !block.querySelector("img")) block.remove();
        });
        return doc.body.innerHTML;
    }

    document.addEventListener(
        "paste",
        (event) => {
            const editor = event.target.closest && event.target.closest(".Draftail-Editor");
            if (!editor || !event.clipboardData || event.clipboardData.cleanedFromWord) return;
            const html = event.clipboardData.getData("text/html");
            if (!html || !WORD_SIGNS.test(html)) return;

            event.preventDefault();
            event.stopImmediatePropagation();
            const inBody = Boolean(editor.closest("[data-contentpath='body']"));
            const cleaned = clean(html, inBody);
            const data = new DataTransfer();
            data.setData("text/html", cleaned);
            data.setData("text/plain", new DOMParser().parseFromString(cleaned, "text/html").body.textContent);
            data.cleanedFromWord = true;
            event.target.dispatchEvent(
                new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
            );
        },
        true,
    );
})();
