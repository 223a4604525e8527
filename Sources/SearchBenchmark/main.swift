// Measures how long docbao takes to count every match of a query in a large article (release
// build), beside `grep -c` on the same file in the same run. Usage: SearchBenchmark FILE QUERY [ROUNDS]
import DocBaoCore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: SearchBenchmark FILE QUERY [ROUNDS]\n".utf8))
    exit(2)
}
let path = arguments[1], query = arguments[2]
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
let megabytes = Double(bytes.count) / 1e6
var article = Article(blocks: [], sections: [])
let importTime = seconds { article = PlainTextImporter.importArticle(bytes: bytes).article }
let index = SearchIndex(article: article)
let foldTime = seconds { for b in article.blocks.indices { _ = index.folded(b) } }
var count = 0
var countTimes: [Double] = [], grepTimes: [Double] = []
for _ in 0..<rounds {
    // Alternate docbao and grep so both see the same machine load.
    countTimes.append(seconds { count = index.matches(Matcher(query)).count })
    grepTimes.append(seconds {
        let grep = Process()
        grep.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
        grep.arguments = ["-c", query, path]
        grep.standardOutput = FileHandle.nullDevice
        try? grep.run()
        grep.waitUntilExit()
    })
}
let count1 = median(countTimes), grep1 = median(grepTimes)
print(String(format: "file %.1f MB, query \"%@\", %d matches, %d rounds (medians)", megabytes, query, count, rounds))
print(String(format: "import (decode, clean, NFC, structure)  %8.3f s", importTime))
print(String(format: "fold once for search                    %8.3f s", foldTime))
print(String(format: "count all matches (smart, folded text)  %8.3f s  %7.1f MB/s", count1, megabytes / count1))
print(String(format: "grep -c (same file, same run)           %8.3f s  %7.1f MB/s", grep1, megabytes / grep1))
print(String(format: "docbao count / grep -c                  %8.2fx", count1 / grep1))
