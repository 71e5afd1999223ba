package dev.quillstream.content;

import java.util.List;

/** One page of a listing, newest first. */
public record ContentPage(List<ContentSummary> items, int page, int size, long total) {

    public ContentPage {
        items = List.copyOf(items);
    }
}
