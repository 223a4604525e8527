// Measures, in process (release build), how fast docbao lays out and searches a large article,
// beside `grep -c` on the same file in the same run: rounds alternate docbao and grep so both see
// the same machine load. Throughputs are in MB of the file per second.
// Usage: SearchBenchmark FILE QUERY [ROUNDS] [--json] [--reference]
//        SearchBenchmark FILE --match-list QUERY... [--reference]
//   --match-list builds the reader's list of every match (`SearchIndex.matches`, what `SearchState`
//                keeps) for each QUERY after folding, and prints the match count, the time, and the
//                resident memory (VmRSS) before, with the list held and after it is freed, and the
//                peak (VmHWM, reset before each search through /proc/self/clear_refs) above the
//                before figure. With --reference it builds the old `[SearchMatch]` instead
//                (`SearchIndex.referenceMatches`): run the two in separate processes
//   --file-scan  times the scan of the file's bytes for each QUERY (`FileScan.firstHit` over the whole
//                file, what a search while a huge article loads runs: to its first match, or to the end),
//                beside `grep -c QUERY FILE` in the same rounds
//   --json       also print one line `JSON {...}` with the figures (read by Benchmarks/run.py)
//   --reference  also fold every block the old way (`VietnameseFolding.Folded`, 32-bit units and
//                offsets, as SearchIndex kept them before FoldedText) and time the unit-by-unit
//                matcher on it in the same rounds: the before figures, measured beside the after ones
import DocBaoCore
import DocBaoLoading
import DocBaoStore
import DocBaoLoading
import Foundation

var arguments = CommandLine.arguments
let json = arguments.contains("--json"), reference = arguments.contains("--reference")
let matchList = arguments.contains("--match-list"), fileScan = arguments.contains("--file-scan")
arguments.removeAll { $0 == "--json" || $0 == "--reference" || $0 == "--match-list" || $0 == "--file-scan" }
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: SearchBenchmark FILE QUERY [ROUNDS] [--json] [--reference]\n".utf8))
    exit(2)
}
let path = arguments[1], query = arguments[2]
let rounds = max(1, arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5)
let layoutWidth = 80

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs grep with its output to /dev/null and waits for it. posix_spawn and waitpid, not Foundation's
/// Process, whose start and wait add tens of milliseconds (more than grep takes on a 1 MB file).
func runGrep(_ argv: [String]) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else {
        FileHandle.standardError.write(Data("SearchBenchmark: cannot run \(argv[0])\n".utf8))
        exit(1)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
}

/// VmRSS (or another field, such as VmHWM) from /proc/self/status in bytes (0 elsewhere).
func resident(_ field: String = "VmRSS") -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
          let kB = Int(line.split(whereSeparator: \.isWhitespace)[1]) else { return 0 }
    return kB * 1024
}

/// Sets VmHWM back to the present VmRSS (Linux: "5" to /proc/self/clear_refs). Whether it worked.
func resetPeak() -> Bool {
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return write(fd, "5", 1) == 1
}

/// The file's size (the article is imported from the file, never read whole into memory here).
let fileSize = (try? FileBytes.status(path)).map { Int($0.st_size) } ?? 0

/// `--match-list`: the reader's match list for each query, its time and memory (see the usage above).
func measureMatchLists(path: String, queries: [String], reference: Bool) {
    // As the reader imports a huge file: the blocks kept in the file, read back for the offsets.
    let article = try! PlainTextImporter.importArticle(source: FileBytes.Pieces(path: path)).article
    let index = SearchIndex(article: article)
    _ = index.text
    let mb = { (n: Int) in String(format: "%.1f MB", Double(n) / 1e6) }
    print("file \(mb(fileSize)), \(article.blocks.count) blocks, list: \(reference ? "[SearchMatch] (reference)" : "SearchMatches")")
    for query in queries {
        let before = resident()
        let peakReset = resetPeak()
        var count = 0, held = 0
        /// Builds the list, timed, and reads VmRSS while it is still held.
        var exact = ""
        func measure<List: Collection>(_ build: () -> List) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            let list = build()
            let time = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            held = resident()
            withExtendedLifetime(list) { count = list.count }
            if let list = list as? SearchMatches { exact = "; its arrays " + mb(list.byteCount) }
            return time
        }
        let time = reference ? measure { index.referenceMatches(Matcher(query)) } : measure { index.matches(Matcher(query)) }
        let peak = resident("VmHWM"), after = resident()
        print(String(format: "\"%@\": %d matches in %.3f s; VmRSS before %@, held %@ (+%@, %.1f bytes a match), after %@; peak %@",
                     query, count, time, mb(before), mb(held), mb(held - before), Double(held - before) / Double(max(1, count)),
                     mb(after), peakReset ? "+" + mb(peak - before) + " (VmHWM " + mb(peak) + ")" : "not measured (clear_refs)") + exact)
    }
}

if matchList {
    measureMatchLists(path: arguments[1], queries: Array(arguments.dropFirst(2)), reference: reference)
    exit(0)
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// `--file-scan`: the scan of the file's bytes for each query, to its first match (or the end),
/// beside `grep -c` in the same rounds (see the usage above).
func measureFileScans(path: String, queries: [String], rounds: Int) {
    let mb = Double(fileSize) / 1e6
    print(String(format: "file %.1f MB, %d rounds (medians)", mb, rounds))
    for query in queries {
        let scan = LineScan(Matcher(query))
        var scanTimes: [Double] = [], parallelTimes: [Double] = [], grepTimes: [Double] = []
        var hit: LineScan.Hit?, parallelHit: LineScan.Hit?
        let workers = min(4, ProcessInfo.processInfo.activeProcessorCount)
        for _ in 0..<rounds {
            scanTimes.append(seconds { hit = FileScan.firstHit(path: path, in: 0..<fileSize, scan) })
            parallelTimes.append(seconds { parallelHit = FileScan.firstHit(path: path, in: 0..<fileSize, scan, workers: workers) })
            grepTimes.append(seconds { runGrep(["/usr/bin/grep", "-c", query, path]) })
        }
        let scanned = Double(hit.map(\.line.upperBound) ?? fileSize) / 1e6
        let t = median(scanTimes), t2 = median(parallelTimes), g = median(grepTimes)
        print(String(format: "\"%@\": first match at %.1f MB in %.3f s (%.0f MB/s), %d threads %.3f s (%.0f MB/s%@); grep -c of the whole %.3f s (%.0f MB/s); scan / grep %.2fx, %d threads %.2fx",
                     query, scanned, t, scanned / t, workers, t2, scanned / t2, parallelHit == hit ? "" : ", ANOTHER MATCH",
                     g, mb / g, t / g, workers, t2 / g))
    }
}

if fileScan {
    measureFileScans(path: path, queries: Array(arguments.dropFirst(2)), rounds: 5)
    exit(0)
}

let megabytes = Double(fileSize) / 1e6
var article = Article(blocks: [], sections: [])
// Imported as the reader imports a huge file: read in pieces, the blocks kept in the file where
// their text is there byte for byte (`Block.isFiled`).
let importTime = seconds { article = try! PlainTextImporter.importArticle(source: FileBytes.Pieces(path: path)).article }
let filedShare = Double(article.blocks.filter(\.isFiled).reduce(0) { $0 + $1.utf8Count })
    / Double(max(1, article.blocks.reduce(0) { $0 + $1.utf8Count }))
let index = SearchIndex(article: article)
let residentBefore = resident()
let foldTime = seconds { _ = index.text }
let foldedBytes = index.text.byteCount, foldedUnits = index.text.count
let residentFolded = resident() - residentBefore
/// The old form: every block as `VietnameseFolding.Folded`, as SearchIndex cached them.
var old: [VietnameseFolding.Folded] = []
let oldFoldTime = reference ? seconds { old = article.blocks.map { VietnameseFolding.fold($0.text) } } : 0
let residentOld = reference ? resident() - residentBefore - residentFolded : 0
var count = 0, oldCount = 0, lineCount = 0
var countTimes: [Double] = [], oldTimes: [Double] = [], layoutTimes: [Double] = [], grepTimes: [Double] = []
for _ in 0..<rounds {
    countTimes.append(seconds { count = index.matches(Matcher(query)).count })
    if reference {
        oldTimes.append(seconds {
            let matcher = Matcher(query)
            oldCount = old.reduce(0) { $0 + matcher.ranges(in: $1).count }
        })
    }
    // A fresh layout each round: every block wrapped at 80 columns, as scrolling through all of it would.
    layoutTimes.append(seconds {
        let layout = Layout(article: article, width: layoutWidth)
        var lines = 0
        for b in 0..<layout.blockCount { lines += layout.lines(ofBlock: b).count }
        lineCount = lines
    })
    grepTimes.append(seconds { runGrep(["/usr/bin/grep", "-c", query, path]) })
}
let count1 = median(countTimes), layout1 = median(layoutTimes), grep1 = median(grepTimes)
print(String(format: "file %.1f MB, query \"%@\", %d matches, %d rounds (medians)", megabytes, query, count, rounds))
print(String(format: "import (decode, clean, NFC, structure)  %8.3f s  (%.0f %% of the text kept in the file)", importTime, filedShare * 100))
print(String(format: "fold once for search                    %8.3f s", foldTime))
print(String(format: "folded form kept                        %8.1f MB  (%.2f bytes a unit; resident +%.1f MB)",
             Double(foldedBytes) / 1e6, Double(foldedBytes) / Double(max(1, foldedUnits)), Double(residentFolded) / 1e6))
print("                                        " + index.text.sizes)
print(String(format: "count all matches (smart, folded text)  %8.3f s  %7.1f MB/s", count1, megabytes / count1))
if reference {
    let old1 = median(oldTimes)
    print(String(format: "reference: fold to 32-bit units         %8.3f s  resident +%.1f MB (%.2f bytes a unit)",
                 oldFoldTime, Double(residentOld) / 1e6, Double(residentOld) / Double(max(1, foldedUnits))))
    print(String(format: "reference: count, unit by unit          %8.3f s  %7.1f MB/s  (%d matches)", old1, megabytes / old1, oldCount))
}
print(String(format: "layout, all blocks at %d columns        %8.3f s  %7.1f MB/s  (%d lines)", layoutWidth, layout1, megabytes / layout1, lineCount))
print(String(format: "grep -c (same file, same run)           %8.3f s  %7.1f MB/s", grep1, megabytes / grep1))
print(String(format: "docbao count / grep -c                  %8.2fx", count1 / grep1))
if json {
    let figures: [String: Any] = [
        "megabytes": megabytes, "query": query, "matches": count, "rounds": rounds,
        "import_s": importTime, "fold_s": foldTime, "folded_bytes": foldedBytes, "folded_units": foldedUnits,
        "folded_resident": residentFolded, "count_s": count1, "layout_s": layout1,
        "layout_width": layoutWidth, "layout_lines": lineCount, "grep_s": grep1,
    ]
    let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
    print("JSON " + String(decoding: data, as: UTF8.self))
}
