/// J, K and U: the next, the previous and the next unread article of the library's list the
/// article was opened from (`ReaderState.articles`).
extension Reader {
    static func step(_ state: inout ReaderState, _ step: ArticleList.Step) -> [Effect] {
        guard let list = state.articles else {
            state.message = "Bài sau, bài trước: khi mở bài từ danh sách của thư viện (L)"
            return []
        }
        switch list.move(step) {
        case .to(let index):
            return [.openArticle(list.moved(to: index))]
        case .nowhere(let why):
            state.message = why
            return []
        }
    }
}
