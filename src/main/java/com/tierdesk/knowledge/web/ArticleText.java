package com.tierdesk.knowledge.web;

import java.util.ArrayList;
import java.util.List;

/**
 * An article's plain text as blocks the page shows: a line starting with {@code #} a heading, lines starting with
 * {@code -} or {@code *} a list, other lines paragraphs (a blank line ends one). The page writes each block's text
 * escaped, so nothing an editor types becomes markup.
 */
final class ArticleText {

    /** A heading, a list of items, or a paragraph. */
    record Block(String kind, List<String> lines) {
    }

    private ArticleText() {
    }

    static List<Block> blocks(String body) {
        var blocks = new ArrayList<Block>();
        List<String> open = null;
        String openKind = null;
        for (String raw : body.split("\\R")) {
            String line = raw.strip();
            String kind;
            String text;
            if (line.isEmpty()) {
                open = null;
                continue;
            } else if (line.startsWith("#")) {
                kind = "heading";
                text = line.replaceFirst("^#+\\s*", "");
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                kind = "list";
                text = line.substring(2).strip();
            } else {
                kind = "paragraph";
                text = line;
            }
            if (open == null || !kind.equals(openKind) || kind.equals("heading")) {
                open = new ArrayList<>();
                openKind = kind;
                blocks.add(new Block(kind, open));
            }
            open.add(text);
        }
        return blocks;
    }
}
