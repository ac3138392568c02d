use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    if std::env::var("MMAP").is_ok() {
        conn.pragma_update(None, "mmap_size", 1i64 << 30).unwrap();
    }
    if std::env::var("CACHE").is_ok() {
        conn.pragma_update(None, "cache_size", -65536i64).unwrap();
    }
    for round in 0..3 {
        let t = Instant::now();
        let mut st = conn
            .prepare("SELECT * FROM speaker_requests ORDER BY id")
            .unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        let mut count = 0usize;
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                let _ = row.get_ref(i).unwrap();
            }
            count += 1;
        }
        eprintln!("round {round}: {count} rows stepped in {:?}", t.elapsed());
    }
    let t = Instant::now();
    let mut st = conn.prepare("SELECT * FROM speaker_requests").unwrap();
    let mut rows = st.query([]).unwrap();
    let mut c = 0;
    while let Some(_r) = rows.next().unwrap() {
        c += 1;
    }
    eprintln!("no columns: {c} in {:?}", t.elapsed());
}
