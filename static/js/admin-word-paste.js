// Paste from Word keeps its meaning. The admin's text editor (Draftail) keeps paragraphs, lists
// and, in a page's body, h2/h3 headings, but no tables; left alone it flattened a pasted table
// into loose lines, kept Word's comment markers ("[EA1]") and empty paragraphs, and made Word's
// headings plain text. This cleans a paste from Word before Draftail reads it:
// - comment markers and the comments Word appends are removed, and so are empty paragraphs;
// - headings move to the levels a body allows: Word's Heading 1 becomes h2 (the page's title is
//   its h1), Heading 2 and below become h3;
// - in a page's body each table becomes a table block at once, after the text block pasted into,
//   with the text that followed the table in a new text block after it: one paste, as if the
//   editor had added the blocks by hand;
// - where no table block can be added beside the text, a table in a body becomes marked lines,
//   one a row, which saving turns into a table block (portal/word_paste.py, whose marks these
//   must match); elsewhere a table becomes one line a row.
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

    function tableValue(table) {
        const rows = [...table.rows]
            .map((row) => [...row.cells].map((cell) => textOf(cell)))
            .filter((cells) => cells.some(Boolean));
        const width = Math.max(...rows.map((cells) => cells.length));
        return {
            data: rows.map((cells) => [...cells, ...Array(width - cells.length).fill("")]),
            table_header_choice: "row",
            first_row_is_table_header: true,
            first_col_is_header: false,
            table_caption: table.caption ? textOf(table.caption) : "",
        };
    }

    /* The cleaned paste in order: runs of text (as HTML) and tables (as table block values). */
    function pieces(body) {
        const parts = [{ html: "" }];
        const walk = (node) => {
            if (node.nodeType === Node.COMMENT_NODE) return;
            if (node.nodeName === "TABLE") {
                parts.push({ table: tableValue(node) }, { html: "" });
            } else if (node.querySelector && node.querySelector("table")) {
                node.childNodes.forEach(walk);
            } else {
                parts[parts.length - 1].html += node.outerHTML || node.textContent;
            }
        };
        body.childNodes.forEach(walk);
        return parts.filter((part) => part.table || textOf(toBody(part.html)));
    }

    const toBody = (html) => new DOMParser().parseFromString(html, "text/html").body;

    /* The body's stream (Wagtail's StreamBlock) and its child block holding the editor. */
    function streamChildOf(element) {
        for (let node = element; node; node = node.parentElement) {
            const stream = node.rootBlock;
            if (stream && stream.children && stream.blockDef.childBlockDefsByName) {
                const child = stream.children.find((each) => each.element.contains(element));
                return child && stream.blockDef.childBlockDefsByName.table ? { stream, child } : null;
            }
        }
        return null;
    }

    /* Hands cleaned HTML to Draftail as a paste into the given editor, where its rules apply. */
    function pasteInto(target, html) {
        const data = new DataTransfer();
        data.setData("text/html", html);
        data.setData("text/plain", toBody(html).textContent);
        data.cleanedFromWord = true;
        target.dispatchEvent(
            new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
    }

    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

    async function editableIn(element) {
        for (let tries = 0; tries < 100; tries += 1) {
            const editable = element.querySelector("[contenteditable='true']");
            if (editable) return editable;
            await nextFrame();
        }
        return null;
    }

    /* Text into the editor pasted into, then each table and the text after it as new blocks. */
    async function spread(target, { stream, child }, parts) {
        const textType = child.type;
        const wasEmpty = !textOf(target.closest(".Draftail-Editor").querySelector("[contenteditable]"));
        let index = child.index;
        for (const [position, part] of parts.entries()) {
            if (position === 0 && part.html !== undefined) {
                pasteInto(target, part.html);
                continue;
            }
            index += 1;
            const type = part.table ? "table" : textType;
            const value = part.table || stream.blockDef.initialChildStates[textType];
            const added = stream.insert({ type, value, id: crypto.randomUUID() }, index, {
                animate: false,
            });
            if (part.html !== undefined) {
                const editable = await editableIn(added.element);
                if (editable) {
                    editable.focus();
                    await nextFrame();
                    pasteInto(editable, part.html);
                }
            }
        }
        // A paste that starts with a table leaves an empty text block behind it: that goes.
        if (parts[0].table && wasEmpty) stream.deleteBlock(child.index, { animate: false });
    }

    function clean(html, inBody, keepTables = false) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        doc.body.querySelectorAll(COMMENTS).forEach((element) => element.remove());
        // Word wraps the words a comment is on in a link of its own: the words stay.
        doc.body.querySelectorAll("a[style*='mso-comment-reference']").forEach((link) => {
            link.replaceWith(...link.childNodes);
        });
        doc.body.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach((heading) => {
            const level = heading.tagName === "H1" ? "h2" : "h3";
            const replacement = doc.createElement(level);
            replacement.innerHTML = heading.innerHTML;
            heading.replaceWith(replacement);
        });
        doc.body.querySelectorAll("table").forEach((table) => {
            if (keepTables) return;
            if (table.parentElement && table.parentElement.closest("table")) return;
            table.replaceWith(...tableAsLines(doc, table, inBody));
        });
        doc.body.querySelectorAll("p, h2, h3").forEach((block) => {
            if (!textOf(block) && !block.querySelector("img")) block.remove();
        });
        return keepTables ? doc.body : doc.body.innerHTML;
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
            const found = inBody && /<table/i.test(html) && streamChildOf(editor);
            if (found) {
                spread(event.target, found, pieces(clean(html, inBody, true)));
            } else {
                pasteInto(event.target, clean(html, inBody));
            }
        },
        true,
    );
})();
