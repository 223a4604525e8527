// Measures, in process (release build), how fast a large library answers: for each query, R rounds
// of `store.search(query, limit: 50)` (FTS5 candidates ranked by bm25, then each checked with the
// core's matcher until 50 match), and R rounds of `store.rows()` (the library view's list).
// p50/p95 of each; the first round is counted too (a fresh process, as `docbao search` is).
// Usage: LibraryBenchmark LIBRARY [ROUNDS] [--json] [--query Q]...
//   --query Q  replaces the default queries (repeatable)
//   --json     also print one line `JSON {...}` with the figures (read by scripts/bench-library)
import DocBaoCore
import DocBaoStore
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
let json = arguments.contains("--json")
arguments.removeAll { $0 == "--json" }
var queries: [String] = []
while let i = arguments.firstIndex(of: "--query"), i + 1 < arguments.count {
    queries.append(arguments[i + 1])
    arguments.removeSubrange(i...(i + 1))
}
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: LibraryBenchmark LIBRARY [ROUNDS] [--json] [--query Q]...\n".utf8))
    exit(2)
}
let rounds = max(1, arguments.count > 1 ? Int(arguments[1]) ?? 20 : 20)
if queries.isEmpty {
    // Common words, a phrase with and without accents, a name, a rare word, a word found nowhere.
    queries = ["dau tranh", "ngoại giao", "kinh te", "covid", "Hà Nội", "tiptronic", "zqxjv"]
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The value below which `p` of the samples lie (nearest rank).
func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s[min(s.count - 1, max(0, Int((p * Double(s.count)).rounded(.up)) - 1))]
}

func ms(_ s: Double) -> String { String(format: "%8.2f ms", s * 1000) }

do {
    var store: LibraryStore!
    let openTime = try seconds { store = try LibraryStore(path: path) }
    let count = try store.count()
    print("library \(path): \(count) articles, opened in \(ms(openTime).trimmingCharacters(in: .whitespaces)), \(rounds) rounds")
    var rowCount = 0
    var rowTimes: [Double] = []
    for _ in 0..<rounds { rowTimes.append(try seconds { rowCount = try store.rows().count }) }
    print("rows() (\(rowCount) rows)".padding(toLength: 34, withPad: " ", startingAt: 0)
          + "p50 \(ms(percentile(rowTimes, 0.5)))  p95 \(ms(percentile(rowTimes, 0.95)))")
    var results: [[String: Any]] = []
    for query in queries {
        var times: [Double] = []
        var hits = 0, complete = true
        for _ in 0..<rounds {
            times.append(try seconds {
                let r = try store.search(query, limit: 50)
                hits = r.hits.count
                complete = r.complete
            })
        }
        let more = complete ? "" : "+"
        print("search \"\(query)\" (\(hits)\(more) hits)".padding(toLength: 34, withPad: " ", startingAt: 0)
              + "p50 \(ms(percentile(times, 0.5)))  p95 \(ms(percentile(times, 0.95)))  first \(ms(times[0]))")
        results.append(["query": query, "hits": hits, "complete": complete, "p50_s": percentile(times, 0.5),
                        "p95_s": percentile(times, 0.95), "first_s": times[0]])
    }
    if json {
        let figures: [String: Any] = [
            "articles": count, "rounds": rounds, "open_s": openTime, "rows": rowCount,
            "rows_p50_s": percentile(rowTimes, 0.5), "rows_p95_s": percentile(rowTimes, 0.95), "search": results,
        ]
        let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
        print("JSON " + String(decoding: data, as: UTF8.self))
    }
} catch {
    FileHandle.standardError.write(Data("LibraryBenchmark: \(error)\n".utf8))
    exit(1)
}
