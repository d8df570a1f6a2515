use super::*;

fn article(body: &str) -> Article {
    Article {
        body: body.to_string(),
        ..Article::default()
    }
}

fn quotes(body: &str) -> Vec<Quote> {
    extract_quotes(&article(body), &[])
}

#[test]
fn smoke() {
    let q = quotes("“We will win,” Oksana Petrenko said. “It is certain.”");
    assert_eq!(q.len(), 2, "{q:#?}");
}
