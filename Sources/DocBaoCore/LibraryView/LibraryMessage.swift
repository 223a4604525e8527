/// Everything that changes the library view: a key's action, or news from the program.
public enum LibraryMessage: Equatable, Sendable {
    case action(LibraryAction)
    /// A key typed into the open prompt.
    case promptKey(Key)
    /// The key that answers "remove this article?" or "mark these read?": y does it, any other does not.
    case confirmKey(Key)
    /// Any key or click while the help overlay shows, but the line-down and line-up keys, which scroll it (`.scroll`).
    case dismissHelp
    /// A key while the feed list is open.
    case feedListKey(Key)
    /// Scroll by a number of rows (mouse wheel).
    case scroll(Int)
    /// A click on screen row `row`: selects the article there, opens it if already selected.
    case click(row: Int)
    case resize(Size)
    /// The library's entries, reloaded (after reading an article, an import): the cursor stays on
    /// the same article.
    case entries([LibraryEntry])
    /// How far the update (`R`) has got: feeds done of all.
    case updateProgress(done: Int, total: Int)
    /// The update is over: the entries reloaded, the cursor put on the first new article, and what
    /// it did said on the status line.
    case updated([LibraryEntry], summary: String)
    /// Put the cursor on this article (the one the user comes back from).
    case select(id: Int64)
    /// What a `.search` effect found, best first.
    case results(query: String, options: SearchOptions, hits: [LibraryHit])
    /// Something to tell the user on the status line (a search that failed…).
    case notice(String)
    /// The full-text search history, reloaded (the reader may have added queries meanwhile).
    case history([String])
    /// A terminating signal arrived: the run ends (`LibraryEffect.signalled`).
    case signal(Int32)
}

/// Work the library view asks the program to do.
public enum LibraryEffect: Equatable, Sendable {
    /// Open an article; with a search, at its first match with the query highlighted.
    case open(id: Int64, search: LibraryQuery?)
    /// Remove the article from the library; answer with `.entries` and a notice.
    case remove(id: Int64, title: String)
    /// Mark the articles read ("xong") or unread (never opened); answer with `.entries` and a notice.
    case markRead(ids: [Int64], read: Bool)
    /// Search the articles' text; answer with `.results`.
    case search(query: String, options: SearchOptions)
    /// Keep the search history (oldest first) for the next run.
    case saveHistory([String])
    /// Update every subscribed feed in the background; answer with `.updateProgress`, then `.updated`.
    case update
    /// Clear and repaint the terminal (Ctrl-L).
    case redrawAll
    case quit
    /// End the run because of a terminating signal.
    case signalled(Int32)
}
