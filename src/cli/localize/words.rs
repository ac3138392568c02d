//! The Vietnamese of `--help`, the man page and clap's own phrases: a
//! table, keyed by where each text goes (see `localize`).

/// Keys: `about:SUB` (the root is `about:`), `after:SUB`, `SUB.ARG` or
/// `*.ARG` for an argument in every command, `value:ARG.VALUE` for a
/// value's description, `name:VALUE_NAME` for a placeholder.
pub const VI: &[(&str, &str)] = &[
    (
        "about:",
        "Chủ trì hội nghị đối thoại trực tiếp và lưu giữ biên bản",
    ),
    (
        "long:",
        "gavel là bảng điều khiển trong cửa sổ dòng lệnh để chủ trì hội nghị đối thoại (chương \
         trình, phát biểu, phản ánh kiến nghị, phân công), ghi mọi thay đổi vào một tệp cuộc họp \
         SQLite để không điều gì nói trong hội trường bị mất.",
    ),
    (
        "after:",
        "Mã thoát: 0 xong; 1 không thực hiện được (tệp thiếu hoặc hỏng, bị từ chối, tệp đầu vào \
         sai); 2 dùng sai lệnh (tham số, tệp cấu hình, biến môi trường); 3, 4, 5, 6 từ gavel check.",
    ),
    ("about:open", "Mở cuộc họp trong bảng điều khiển trực tiếp"),
    (
        "about:demo",
        "Mở một cuộc họp mẫu đang diễn ra (hội nghị đối thoại về thủ tục hành chính lĩnh vực \
         khoa học và công nghệ), ghi vào TỆP hoặc một tệp mới",
    ),
    (
        "about:new",
        "Tạo tệp cuộc họp mới, từ một kế hoạch (TOML: thông tin, chương trình, đại biểu) hoặc từ \
         các tham số",
    ),
    (
        "after:new",
        "Ví dụ:\n  gavel new doi-thoai.gavel --title \"Hội nghị đối thoại\" --agency \"Sở KH&CN\"\n  \
         gavel new doi-thoai.gavel --from examples/plan.toml",
    ),
    (
        "about:review",
        "Xem lại cuộc họp ở chế độ chỉ đọc: đi qua từng mục nhật ký và xem biên bản tại bất kỳ \
         thời điểm nào; phím s để xem thống kê",
    ),
    ("about:log", "In nhật ký, mỗi thay đổi một dòng"),
    (
        "about:export",
        "Xuất biên bản (Markdown hoặc tài liệu Word, theo thể thức văn bản hành chính, tiếng \
         Việt hoặc tiếng Anh), toàn bộ dữ liệu dạng JSON, hoặc các bảng PAKN, phân công và lượt \
         phát biểu dạng CSV",
    ),
    (
        "after:export",
        "Ví dụ:\n  gavel export doi-thoai.gavel --format md --lang vi -o bien-ban.md\n  \
         gavel export doi-thoai.gavel --format docx --lang vi -o bien-ban.docx\n  \
         gavel export doi-thoai.gavel --format docx --document upward --lang vi -o bao-cao.docx\n  \
         gavel export doi-thoai.gavel --format json -o doi-thoai.json\n  \
         gavel export doi-thoai.gavel --format csv --table issues -o pakn.csv\n  \
         gavel export doi-thoai.gavel --format csv -o bang/   (issues.csv, actions.csv, turns.csv)",
    ),
    (
        "about:import",
        "Thêm danh sách đại biểu (.csv) hoặc chương trình và đại biểu của một kế hoạch (.toml) \
         vào cuộc họp, bỏ qua những gì đã có; hoặc tạo tệp cuộc họp từ bản xuất JSON (.json), \
         giữ nguyên từng mã băm",
    ),
    (
        "after:config",
        "Ví dụ:\n  gavel config\n  GAVEL_CONFIG=examples/config.toml gavel config --as Lan --role secretary",
    ),
    (
        "after:import",
        "Ví dụ:\n  gavel import doi-thoai.gavel examples/participants.csv\n  \
         gavel import doi-thoai.gavel examples/plan.toml\n  gavel import ban-sao.gavel doi-thoai.json",
    ),
    (
        "about:approve",
        "Thông qua biên bản (chủ trì): biên bản được khóa, mọi thay đổi sau đó được ghi và hiển \
         thị là đính chính",
    ),
    (
        "about:followup",
        "Những việc còn phải làm sau hội nghị: văn bản trả lời và hạn (tính theo ngày làm việc), \
         kiến nghị chuyển cấp trên hoặc cơ quan khác, phân công chưa xong; và đóng chúng kèm số \
         văn bản trả lời",
    ),
    (
        "after:followup",
        "Ví dụ:\n  gavel followup doi-thoai.gavel --overdue\n  \
         gavel followup doi-thoai.gavel --close-issue 5 --ref 123/SKHCN-QLCN --on 02/03/2026\n  \
         gavel followup doi-thoai.gavel --close-action 2 --ref 45/SKHCN-VP\n  \
         gavel followup doi-thoai.gavel --format docx --today 20/03/2026 -o bao-cao.docx\n  \
         gavel followup doi-thoai.gavel --format csv -o theo-doi.csv\n  \
         gavel followup doi-thoai.gavel --overdue --format json || thông-báo   (mã thoát 1: có \
         việc quá hạn)",
    ),
    (
        "about:recover",
        "Ghi lại tệp khôi phục: những thay đổi bảng điều khiển chưa ghi được (đĩa đầy, tệp bị \
         khóa quá lâu) và đã giữ lại",
    ),
    (
        "about:hall",
        "Màn hình hội trường cho máy chiếu: mục chương trình đang diễn ra, người đang phát biểu \
         với đồng hồ đếm ngược chữ lớn, những người phát biểu tiếp theo. Chỉ đọc (kết nối của \
         người dự thính), cập nhật trực tiếp, vừa mọi cỡ màn hình; `q` để thoát",
    ),
    (
        "hall.theme",
        "`dark`: chữ trắng trên nền đen, cho hội trường tối; `light`: chữ đen trên nền trắng, \
         cho hội trường sáng. `NO_COLOR` giữ màu của cửa sổ dòng lệnh",
    ),
    (
        "about:check",
        "Kiểm tra tệp cuộc họp: toàn vẹn SQLite, chuỗi băm của nhật ký, các bảng có đúng bằng \
         việc phát lại nhật ký, và thời gian ghi đi tới; với --fingerprint, tệp có giữ đúng \
         biên bản đã ký không",
    ),
    (
        "after:check",
        "Mã thoát: 0 tốt; 1 không mở được tệp; 3 lỗi toàn vẹn SQLite; 4 chuỗi băm bị đứt; \
         5 các bảng khác với việc phát lại nhật ký; 6 có mục ghi thời gian trước mục đứng \
         trước nó; 7 tệp không còn giữ đúng biên bản có mã xác thực đó.\n\nVí dụ:\n  \
         gavel check cuoc-hop.gavel --fingerprint \"ab12 cd34 ef56 7890\"",
    ),
    (
        "check.fingerprint",
        "Mã xác thực in trên biên bản đã ký (cạnh chữ ký): tệp có còn giữ đúng biên bản đó không",
    ),
    (
        "about:completions",
        "In đoạn mã gợi ý lệnh cho shell (bash, zsh, fish, elvish, powershell)",
    ),
    (
        "after:completions",
        "Ví dụ:\n  gavel completions bash > ~/.local/share/bash-completion/completions/gavel\n  \
         gavel completions zsh > ~/.zfunc/_gavel\n  \
         gavel completions fish > ~/.config/fish/completions/gavel.fish",
    ),
    (
        "about:man",
        "In trang hướng dẫn (roff), ví dụ: gavel man > gavel.1; man ./gavel.1; với --dir, ghi \
         mỗi lệnh một trang vào thư mục đó (gavel.1, gavel-open.1…)",
    ),
    (
        "after:man",
        "Ví dụ:\n  gavel man --dir ~/.local/share/man/man1\n  gavel man --dir \
         ~/.local/share/man/vi/man1 --lang vi",
    ),
    (
        "man.dir",
        "Ghi các trang vào thư mục này (tạo nếu chưa có) thay vì in trang chính",
    ),
    ("name:DIR", "THƯ_MỤC"),
    (
        "about:archive",
        "Kho lưu trữ của tỉnh trên PostgreSQL: đưa các tệp cuộc họp vào kho, mỗi cuộc họp một \
         bản luôn được cập nhật (docs/archive.md)",
    ),
    (
        "after:archive",
        "Ví dụ:\n  gavel archive push hoi-nghi-q1.gavel --to postgres://so_khcn@luu-tru.tinh.local/doi_thoai\n  \
         PGHOST=luu-tru.tinh.local PGUSER=so_khcn PGDATABASE=doi_thoai gavel archive push hoi-nghi/",
    ),
    (
        "about:push",
        "Đưa các tệp cuộc họp vào kho lưu trữ: mỗi tệp được kiểm tra, nhật ký được xác minh, và \
         bản trong kho được cập nhật (đưa lại lần nữa, hoặc sau khi đính chính, vẫn chỉ một bản)",
    ),
    ("push.files", "Các tệp cuộc họp, hoặc thư mục chứa chúng"),
    (
        "push.to",
        "Kho lưu trữ: chuỗi kết nối (postgres://NGƯỜI_DÙNG@MÁY_CHỦ/CSDL hoặc \"host=… \
         dbname=…\") [mặc định: các biến PGHOST, PGPORT, PGUSER, PGPASSWORD và PGDATABASE, nếu \
         không có thì máy chủ cục bộ]",
    ),
    (
        "push.name",
        "Tên của bạn, ghi lại là người đưa vào kho [mặc định: GAVEL_AS, `name` trong tệp cấu hình, \
         hoặc tên đăng nhập]",
    ),
    ("name:URL", "ĐỊA_CHỈ"),
    (
        "*.quiet",
        "Không hiện dòng tiến độ và các ghi chú (lỗi và cảnh báo vẫn được báo)",
    ),
    ("name:PATH", "ĐƯỜNG_DẪN"),
    (
        "*.config",
        "Tệp cấu hình đọc thay cho tệp thường dùng (tệp phải có); được ưu tiên hơn GAVEL_CONFIG",
    ),
    (
        "about:config",
        "Xem các thiết lập đang dùng và nguồn của từng thiết lập (tệp cấu hình, biến môi \
         trường, tham số dòng lệnh); kèm tham số của bảng điều khiển: những gì `gavel open` \
         sẽ dùng với chúng",
    ),
    ("about:help", "In trợ giúp này hoặc trợ giúp của lệnh con"),
    ("name:DIGITS", "MÃ"),
    ("*.help", "In trợ giúp"),
    ("*.version", "In phiên bản"),
    ("*.file", "Tệp cuộc họp"),
    (
        ".file",
        "Tệp cuộc họp để mở trong bảng điều khiển (gavel TỆP cũng là gavel open TỆP)",
    ),
    (
        "*.role",
        "Quyền của bạn: chủ trì được làm mọi việc; thư ký ghi PAKN, trả lời, phân công, đại biểu \
         và đăng ký phát biểu; người theo dõi không thay đổi gì (tệp được mở chỉ đọc) [mặc định: \
         `chair`, hoặc `role` trong tệp cấu hình]",
    ),
    (
        "*.name",
        "Tên của bạn trong nhật ký [mặc định: GAVEL_AS, `name` trong tệp cấu hình, hoặc tên đăng \
         nhập]",
    ),
    ("*.sync", "Mức độ ghi bền vững của mỗi lần lưu"),
    ("value:sync.full", "fsync mỗi lần lưu: vẫn còn khi mất điện"),
    (
        "value:sync.normal",
        "fsync ở các điểm kiểm tra: vẫn còn khi gavel dừng đột ngột, không bảo đảm khi máy tắt",
    ),
    (
        "*.lang",
        "Ngôn ngữ [mặc định: GAVEL_LANG, `lang` trong tệp cấu hình, hoặc ngôn ngữ hệ thống]",
    ),
    (
        "*.no_mouse",
        "Không bắt chuột (để cửa sổ dòng lệnh chọn được chữ)",
    ),
    (
        "*.color",
        "Màu trên màn hình (auto: theo NO_COLOR và tệp cấu hình)",
    ),
    (
        "demo.file",
        "Nơi ghi cuộc họp mẫu (mặc định: một tệp mới trong thư mục tạm). Tệp đã có được mở như \
         hiện trạng",
    ),
    (
        "demo.size",
        "large: hội nghị cấp tỉnh (2.000 đại biểu, 300 mục chương trình, 5.000 PAKN, 3.000 phân \
         công, 200.000 mục nhật ký) để thử gavel ở quy mô lớn",
    ),
    ("new.file", "Tệp cuộc họp cần tạo (chưa được tồn tại)"),
    (
        "new.title",
        "Tiêu đề cuộc họp (với --from: thay cho tiêu đề trong kế hoạch)",
    ),
    (
        "new.from",
        "Kế hoạch (TOML) gồm thông tin cuộc họp, chương trình và đại biểu; xem examples/plan.toml",
    ),
    ("new.agency", "Cơ quan tổ chức"),
    (
        "new.speaking_minutes",
        "Số phút mỗi người được phát biểu (có thể thêm giờ khi họp) [mặc định: 3, hoặc theo kế \
         hoạch hay tệp cấu hình]",
    ),
    (
        "new.reply_days",
        "Số ngày làm việc để trả lời bằng văn bản [mặc định: 20, hoặc theo kế hoạch hay tệp cấu \
         hình]",
    ),
    (
        "new.forward_days",
        "Số ngày làm việc để chuyển phản ánh, kiến nghị lên cấp trên hoặc cơ quan khác [mặc \
         định: 5, hoặc theo kế hoạch hay tệp cấu hình]",
    ),
    (
        "new.holidays",
        "Ngày nghỉ ngoài lịch nghỉ có sẵn trong gavel (dd/mm/yyyy); lặp lại cho từng ngày",
    ),
    (
        "new.make_up_days",
        "Ngày thứ Bảy hoặc Chủ nhật đi làm bù cho một ngày nghỉ, ngoài lịch có sẵn trong gavel \
         (dd/mm/yyyy); lặp lại cho từng ngày",
    ),
    ("new.demo", "Ghi cuộc họp mẫu vào tệp mới (xem gavel demo)"),
    (
        "new.group",
        "Cho cả nhóm của tệp đọc và ghi (quyền 0660 thay vì 0600), cho thư ký đăng nhập bằng \
         tài khoản khác",
    ),
    ("log.follow", "Tiếp tục in các mục mới khi chúng được lưu"),
    ("export.format", "Định dạng"),
    ("value:format.md", "Biên bản dạng Markdown"),
    (
        "value:format.docx",
        "Biên bản dạng tài liệu Word, sẵn sàng để in (cần -o)",
    ),
    (
        "value:format.json",
        "Toàn bộ dữ liệu và nhật ký (docs/json-format.md)",
    ),
    (
        "value:format.csv",
        "Các bảng cho bảng tính (docs/csv-format.md)",
    ),
    (
        "export.document",
        "Với --format md hoặc docx: văn bản nào (mặc định: biên bản)",
    ),
    ("value:document.minutes", "Biên bản Hội nghị"),
    (
        "value:document.notice",
        "Thông báo kết luận: kết luận của chủ trì và các nhiệm vụ được giao",
    ),
    (
        "value:document.upward",
        "Báo cáo tổng hợp kiến nghị vượt thẩm quyền: các ý kiến chuyển cấp trên hoặc chuyển \
         cơ quan khác",
    ),
    (
        "export.table",
        "Với --format csv: một bảng (mặc định: cả ba, vào thư mục -o)",
    ),
    (
        "export.output",
        "Ghi vào đây thay vì đầu ra chuẩn (`-`: đầu ra chuẩn; một thư mục khi xuất cả ba bảng \
         CSV; docx ghi vào tệp hoặc vào đường ống, không ra cửa sổ dòng lệnh)",
    ),
    (
        "import.file",
        "Tệp cuộc họp (với bản xuất JSON: tệp cần tạo)",
    ),
    (
        "import.source",
        "Danh sách đại biểu (.csv, hoặc văn bản Unicode .txt, như bảng tính lưu ra: bảng mã \
         UTF-8, UTF-16 hoặc Windows-1258), kế hoạch (.toml) hoặc bản xuất JSON của cuộc họp \
         (.json); `-` đọc từ đầu vào chuẩn (kèm --input-format)",
    ),
    (
        "import.input_format",
        "Nguồn là gì, khi tên của nó không cho biết (`-`, hoặc phần mở rộng khác)",
    ),
    (
        "value:input_format.csv",
        "Danh sách đại biểu, như bảng tính lưu ra",
    ),
    ("value:input_format.toml", "Kế hoạch"),
    ("value:input_format.json", "Bản xuất JSON của một cuộc họp"),
    (
        "followup.overdue",
        "Chỉ những việc đã quá hạn; khi đó mã thoát là 1 nếu có việc quá hạn, 0 nếu không có \
         (để nhắc việc hằng đêm: `gavel followup TỆP --overdue --format json || thông-báo`)",
    ),
    ("followup.format", "Định dạng"),
    (
        "log.format",
        "Cách in mỗi mục: một dòng cho người đọc (chỉ cắt bớt lời trích khi in ra cửa sổ \
         dòng lệnh), một đối tượng JSON mỗi dòng, hoặc các dòng CSV (docs/scripting.md)",
    ),
    (
        "value:log.format.text",
        "Mỗi mục một dòng: số thứ tự, giờ địa phương, người thực hiện, việc đã làm",
    ),
    (
        "value:log.format.json",
        "Mỗi dòng một đối tượng JSON, kèm sự kiện như đã ghi",
    ),
    (
        "value:log.format.csv",
        "Một dòng tiêu đề, rồi mỗi mục một dòng, cho bảng tính",
    ),
    (
        "check.format",
        "Các dòng cho người đọc, hoặc một tài liệu JSON cho chương trình đọc \
         (docs/scripting.md); mã thoát không đổi",
    ),
    (
        "config.format",
        "Các dòng cho người đọc, hoặc một tài liệu JSON cho chương trình đọc \
         (docs/scripting.md)",
    ),
    (
        "value:check.format.text",
        "Các dòng cho người đọc (mặc định)",
    ),
    (
        "value:check.format.json",
        "Một tài liệu JSON, cho chương trình đọc",
    ),
    (
        "value:config.format.text",
        "Các dòng cho người đọc (mặc định)",
    ),
    (
        "value:config.format.json",
        "Một tài liệu JSON, cho chương trình đọc",
    ),
    // gavel doctor
    (
        "about:doctor",
        "Kiểm tra môi trường chạy gavel (phiên bản, tệp cấu hình, ngôn ngữ, cửa sổ dòng lệnh, \
         màu) và, với TỆP cuộc họp, xem tài khoản thứ hai trong nhóm của tệp có mở được để ghi \
         không (thư mục, nhóm, quyền, cờ `setgid`, `umask`): mỗi dòng là ổn, hoặc chỗ sai và \
         lệnh cần chạy để sửa",
    ),
    (
        "after:doctor",
        "Mã thoát: 0 mọi dòng đều ổn (dòng lưu ý vẫn là ổn); 1 có chỗ cần sửa (lệnh cần chạy \
         được in ra).\n\nVí dụ:\n  gavel doctor\n  gavel doctor /srv/cuoc-hop/doi-thoai.gavel\n  \
         gavel doctor /srv/cuoc-hop/doi-thoai.gavel --format json",
    ),
    (
        "doctor.file",
        "Tệp cuộc họp (hoặc tệp sắp tạo): kiểm tra cả thư mục, nhóm, quyền và các tệp đi kèm \
         của SQLite",
    ),
    (
        "doctor.group",
        "Nhóm sẽ dùng chung cuộc họp [mặc định: nhóm của thư mục nếu thư mục có cờ `setgid`, \
         nếu không thì nhóm của tệp]",
    ),
    ("name:GROUP", "NHÓM"),
    (
        "doctor.format",
        "Các dòng cho người đọc, hoặc một tài liệu JSON cho chương trình đọc \
         (docs/scripting.md); mã thoát không đổi",
    ),
    (
        "value:doctor.format.text",
        "Các dòng cho người đọc (mặc định)",
    ),
    (
        "value:doctor.format.json",
        "Một tài liệu JSON, cho chương trình đọc",
    ),
    (
        "value:format.text",
        "Danh sách việc còn phải làm, với số ngày làm việc còn lại (mặc định)",
    ),
    (
        "value:followup.format.md",
        "Báo cáo kết quả trả lời, xử lý dạng Markdown",
    ),
    (
        "value:followup.format.docx",
        "Báo cáo kết quả trả lời, xử lý dạng tài liệu Word, sẵn sàng để in (cần -o)",
    ),
    (
        "value:followup.format.csv",
        "Một bảng mọi việc cần theo dõi, cho bảng tính",
    ),
    (
        "value:followup.format.json",
        "Mọi việc cần theo dõi, cho chương trình đọc (docs/followup-json.md)",
    ),
    (
        "followup.output",
        "Ghi vào đây thay vì đầu ra chuẩn (`-`: đầu ra chuẩn; docx ghi vào tệp hoặc vào đường \
         ống, không ra cửa sổ dòng lệnh)",
    ),
    (
        "followup.today",
        "Tính ngày từ ngày này (dd/mm/yyyy; mặc định: hôm nay)",
    ),
    (
        "followup.close_issue",
        "Đóng PAKN số N phải trả lời bằng văn bản (số như trong biên bản)",
    ),
    (
        "followup.close_action",
        "Đánh dấu phân công số N (như trong danh sách này) là đã xong",
    ),
    (
        "followup.reference",
        "Số, ký hiệu văn bản trả lời (ví dụ 123/SKHCN-QLCN)",
    ),
    (
        "followup.on",
        "Ngày của văn bản (dd/mm/yyyy; mặc định: hôm nay)",
    ),
    ("recover.recovery", "Tệp khôi phục do bảng điều khiển ghi"),
    (
        "recover.name",
        "Ghi các thay đổi dưới tên người này (mặc định: người đã thực hiện)",
    ),
    ("completions.shell", "Shell cần gợi ý lệnh"),
    ("name:FILE", "TỆP"),
    ("name:THEME", "KIỂU"),
    ("name:NAME", "TÊN"),
    ("name:DATE", "NGÀY"),
    ("name:MINUTES", "PHÚT"),
    ("name:DAYS", "SỐ_NGÀY"),
    ("name:OUT", "ĐẦU_RA"),
    ("name:PLAN", "KẾ_HOẠCH"),
    ("name:SOURCE", "NGUỒN"),
    ("name:TITLE", "TIÊU_ĐỀ"),
    ("name:AGENCY", "CƠ_QUAN"),
    ("name:REF", "SỐ_VĂN_BẢN"),
    ("name:WHEN", "KHI_NÀO"),
    ("name:LANG", "NGÔN_NGỮ"),
    ("name:ROLE", "VAI_TRÒ"),
    ("name:SYNC", "MỨC_GHI"),
    ("name:SIZE", "CỠ"),
    ("name:FORMAT", "ĐỊNH_DẠNG"),
    ("name:TABLE", "BẢNG"),
    ("name:DOCUMENT", "VĂN_BẢN"),
    ("name:SHELL", "SHELL"),
    ("name:RECOVERY", "TỆP_KHÔI_PHỤC"),
    ("name:N", "N"),
    ("name:COMMAND", "LỆNH"),
    // Sổ theo dõi và báo cáo định kỳ (issue 20) ----------------------------
    (
        "about:register",
        "Sổ theo dõi của nhiều cuộc họp: mọi ý kiến phản ánh, kiến nghị trong một sổ tiếp nhận đánh số, lọc theo kỳ, lĩnh vực, hướng xử lý và tình trạng; với --owed, những việc còn phải làm, theo đơn vị và người thực hiện. Các tệp chỉ được đọc (kể cả cuộc họp đang mở trong bảng điều khiển)",
    ),
    (
        "after:register",
        "Một thư mục là mọi tệp cuộc họp (*.gavel) trong đó.\n\nVí dụ:\n  gavel register cuoc-hop/\n  gavel register cuoc-hop/ --period 2026-Q1 --field \"sở hữu trí tuệ\"\n  gavel register cuoc-hop/ --status overdue,pending --format csv --lang vi -o so-theo-doi.csv\n  gavel register cuoc-hop/ --owed\n  gavel register cuoc-hop/ --overdue --format json || thông-báo   (mã thoát 1: có việc quá hạn)",
    ),
    (
        "about:report",
        "Báo cáo định kỳ về các hội nghị đối thoại (tháng, quý, 6 tháng, 9 tháng, năm): ý kiến theo lĩnh vực, thủ tục, hướng xử lý và kết quả, tỷ lệ trả lời bằng văn bản đúng hạn, những việc quá hạn; dạng Markdown, tài liệu Word theo thể thức văn bản hành chính, hoặc CSV",
    ),
    (
        "after:report",
        "Ví dụ:\n  gavel report cuoc-hop/ --period 2026-Q1 --lang vi -o bao-cao-quy-1.md\n  gavel report cuoc-hop/ --period 2026-H1 --format docx --lang vi -o bao-cao-6-thang.docx\n  gavel report a.gavel b.gavel --from 01/01/2026 --to 15/04/2026 --format csv -o so-lieu.csv",
    ),
    (
        "register.archive",
        "Cả các cuộc họp trong kho lưu trữ của tỉnh trên PostgreSQL (chuỗi kết nối, \
         docs/archive.md), được tính như các tệp",
    ),
    (
        "report.archive",
        "Cả các cuộc họp trong kho lưu trữ của tỉnh trên PostgreSQL (chuỗi kết nối, \
         docs/archive.md), được tính như các tệp",
    ),
    (
        "register.files",
        "Các tệp cuộc họp, hoặc thư mục chứa chúng (mọi tệp *.gavel trong thư mục)",
    ),
    (
        "register.period",
        "Các cuộc họp tổ chức trong kỳ này: một tháng (2026-03), một quý (2026-Q1), nửa năm (2026-H1), N tháng đầu năm (2026-9M) hoặc một năm (2026)",
    ),
    (
        "register.from",
        "Các cuộc họp tổ chức từ ngày này (dd/mm/yyyy)",
    ),
    (
        "register.to",
        "Các cuộc họp tổ chức đến hết ngày này (dd/mm/yyyy)",
    ),
    (
        "register.field",
        "Các ý kiến có lĩnh vực chứa chữ này (không phân biệt dấu, hoa thường)",
    ),
    (
        "register.disposition",
        "Các ý kiến có hướng xử lý này (nhiều giá trị: cách nhau bằng dấu phẩy)",
    ),
    (
        "register.today",
        "Tính ngày đến ngày này (dd/mm/yyyy; mặc định: hôm nay)",
    ),
    (
        "report.files",
        "Các tệp cuộc họp, hoặc thư mục chứa chúng (mọi tệp *.gavel trong thư mục)",
    ),
    (
        "report.period",
        "Các cuộc họp tổ chức trong kỳ này: một tháng (2026-03), một quý (2026-Q1), nửa năm (2026-H1), N tháng đầu năm (2026-9M) hoặc một năm (2026)",
    ),
    (
        "report.from",
        "Các cuộc họp tổ chức từ ngày này (dd/mm/yyyy)",
    ),
    (
        "report.to",
        "Các cuộc họp tổ chức đến hết ngày này (dd/mm/yyyy)",
    ),
    (
        "report.field",
        "Các ý kiến có lĩnh vực chứa chữ này (không phân biệt dấu, hoa thường)",
    ),
    (
        "report.disposition",
        "Các ý kiến có hướng xử lý này (nhiều giá trị: cách nhau bằng dấu phẩy)",
    ),
    (
        "report.today",
        "Tính ngày đến ngày này (dd/mm/yyyy; mặc định: hôm nay)",
    ),
    (
        "register.status",
        "Các ý kiến ở tình trạng này (nhiều giá trị: cách nhau bằng dấu phẩy)",
    ),
    (
        "register.owed",
        "Thay vào đó, những việc còn phải làm (trả lời bằng văn bản, chuyển cơ quan có thẩm quyền, nhiệm vụ), theo cơ quan và người thực hiện",
    ),
    (
        "register.overdue",
        "Chỉ những việc còn phải làm đã quá hạn; khi đó mã thoát là 1 nếu có việc quá hạn",
    ),
    (
        "register.format",
        "Ghi ra gì: danh sách cho người đọc, bảng cho bảng tính, hoặc JSON cho chương trình đọc",
    ),
    (
        "register.output",
        "Ghi vào đây thay vì đầu ra chuẩn (`-`: đầu ra chuẩn)",
    ),
    ("report.format", "Định dạng"),
    (
        "report.output",
        "Ghi vào đây thay vì đầu ra chuẩn (`-`: đầu ra chuẩn; docx ghi vào tệp hoặc vào đường ống, không ra cửa sổ dòng lệnh)",
    ),
    ("value:disposition.answered", "Đã trả lời tại hội nghị"),
    (
        "value:disposition.written-reply",
        "Phải trả lời bằng văn bản",
    ),
    ("value:disposition.escalated", "Chuyển cấp trên"),
    (
        "value:disposition.redirected",
        "Chuyển cơ quan có thẩm quyền",
    ),
    ("value:disposition.undecided", "Chưa xác định hướng xử lý"),
    ("value:disposition.withdrawn", "Đã rút"),
    ("value:status.answered", "Đã trả lời tại hội nghị"),
    ("value:status.undecided", "Chưa xác định hướng xử lý"),
    (
        "value:status.pending",
        "Còn phải trả lời hoặc chuyển, đang trong hạn",
    ),
    (
        "value:status.overdue",
        "Còn phải trả lời hoặc chuyển, đã quá hạn",
    ),
    (
        "value:status.done",
        "Đã trả lời hoặc đã chuyển (đúng hạn hoặc chậm)",
    ),
    (
        "value:status.late",
        "Đã trả lời hoặc đã chuyển sau thời hạn",
    ),
    ("value:status.withdrawn", "Đã rút"),
    (
        "value:register.format.text",
        "Mỗi ý kiến một dòng (chỉ cắt bớt khi in ra cửa sổ dòng lệnh)",
    ),
    ("value:register.format.csv", "Một bảng cho bảng tính"),
    (
        "value:register.format.json",
        "Một tài liệu JSON, cho chương trình đọc",
    ),
    ("value:report.format.md", "Báo cáo dạng Markdown"),
    (
        "value:report.format.docx",
        "Báo cáo dạng tài liệu Word theo thể thức văn bản hành chính (cần -o)",
    ),
    (
        "value:report.format.csv",
        "Các số liệu trong một bảng, cho bảng tính",
    ),
    ("name:FILE|DIR", "TỆP|THƯ_MỤC"),
    ("name:PERIOD", "KỲ"),
    ("name:TEXT", "CHỮ"),
    ("name:DISPOSITION", "HƯỚNG_XỬ_LÝ"),
    ("name:STATUS", "TÌNH_TRẠNG"),
    // ----------------------------------------------------------------------
];

/// clap's own words in its errors and usage lines (it has no
/// translations): replaced phrase by phrase in what it prints.
pub(super) const VI_CLAP_PHRASES: &[(&str, &str)] = &[
    ("error: ", "lỗi: "),
    ("Usage: ", "Cách dùng: "),
    ("[OPTIONS]", "[TÙY_CHỌN]"),
    ("For more information, try", "Xem thêm:"),
    ("tip: ", "gợi ý: "),
    ("unexpected argument", "tham số không hợp lệ"),
    // `--follow=yes`: a flag given a value.
    ("unexpected value", "giá trị thừa"),
    (
        " found; no more were expected",
        ": tham số này không nhận giá trị",
    ),
    ("invalid value", "giá trị không hợp lệ"),
    ("a value is required for", "cần một giá trị cho"),
    ("but none was supplied", "nhưng chưa có"),
    ("unrecognized subcommand", "không có lệnh"),
    (
        "the following required arguments were not provided:",
        "thiếu các tham số bắt buộc:",
    ),
    ("cannot be used multiple times", "chỉ được dùng một lần"),
    (
        "one or more of the other specified arguments",
        "một tham số khác đã cho",
    ),
    ("cannot be used with", "không dùng cùng được với"),
    ("the argument '", "tham số '"),
    ("the subcommand '", "lệnh '"),
    (
        "equal sign is needed when assigning values to",
        "cần dấu bằng khi gán giá trị cho",
    ),
    (
        "invalid UTF-8 was detected in one or more arguments",
        "có tham số không phải văn bản UTF-8",
    ),
    ("possible values:", "giá trị có thể:"),
    ("a similar argument exists:", "có tham số gần giống:"),
    ("some similar arguments exist:", "có tham số gần giống:"),
    ("a similar value exists:", "có giá trị gần giống:"),
    ("some similar values exist:", "có giá trị gần giống:"),
    ("some similar subcommands exist:", "có lệnh gần giống:"),
    ("a similar subcommand exists:", "có lệnh gần giống:"),
    // `-3` where a number is wanted: clap's tip to write it after `--`.
    ("to pass '", "để dùng '"),
    ("' as a value, use '", "' làm giá trị, hãy viết '"),
    // A number the command line cannot read (Rust's own words).
    ("invalid digit found in string", "không phải số"),
    ("invalid digit in string", "không phải số"),
    ("cannot parse integer from empty string", "chưa có số"),
    ("number too large to fit in target type", "số quá lớn"),
    ("number too small to fit in target type", "số quá nhỏ"),
    (" is not in ", " nằm ngoài khoảng "),
    (" found", ""),
    (" for '", " cho '"),
];

/// The man page's section headings.
pub(super) const VI_MAN_SECTIONS: &[(&str, &str)] = &[
    ("NAME", "TÊN"),
    ("SYNOPSIS", "CÚ PHÁP"),
    ("DESCRIPTION", "MÔ TẢ"),
    ("OPTIONS", "TÙY CHỌN"),
    ("EXTRA", "THÊM"),
    ("VERSION", "PHIÊN BẢN"),
    ("AUTHORS", "TÁC GIẢ"),
];

/// The main page's sections beyond clap's, in roff.
pub(super) const MAN_SECTIONS_EN: &str = r#".SH ENVIRONMENT
.TP
\fBGAVEL_AS\fR
Your name in the journal (as \fB\-\-as\fR).
.TP
\fBGAVEL_ROLE\fR
Your role: chair, secretary or observer (as \fB\-\-role\fR).
.TP
\fBGAVEL_LANG\fR
The language: en or vi (as \fB\-\-lang\fR).
.TP
\fBGAVEL_CONFIG\fR
The config file to read instead of the usual one; it must exist.
.TP
\fBNO_COLOR\fR
When set and not empty, no colour on screen (\fB\-\-color always\fR overrides it).
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
The language when neither \fB\-\-lang\fR, \fBGAVEL_LANG\fR nor the config file says.
.SH FILES
.TP
\fIMEETING\fR.gavel
The meeting: one SQLite file holding the journal of every change and the record it gives.
.TP
\fIMEETING\fR.gavel\-wal, \fIMEETING\fR.gavel\-shm
SQLite's files beside a meeting that is open; whoever opens the meeting must be able to write in its folder.
.TP
~/.config/gavel/config.toml
The config file (the platform's configuration folder; \fBgavel config\fR shows where).
.TP
Recovery files
What a console could not write (a full disk, a lock held too long), beside the meeting or in your state folder; \fBgavel recover\fR applies them.
.SH "KEYS IN THE CONSOLE"
\fB?\fR shows every key your role may use. \fBq\fR or \fBCtrl\-C\fR quits (everything is already saved). \fBCtrl\-Z\fR stops gavel as a job and gives the shell its prompt back; \fBfg\fR brings the console back whole, with whatever was half typed.
.SH "EXIT STATUS"
.TP
0
Done.
.TP
1
The work failed (a file missing or damaged, a refusal, a bad plan or list); for \fBgavel followup \-\-overdue\fR, something is overdue (its list written all the same); for \fBgavel doctor\fR, something needs fixing (the commands are printed).
.TP
2
A usage error: an unknown flag, a missing argument, a bad config file or environment variable.
.TP
3, 4, 5, 6, 7
\fBgavel check\fR: SQLite's integrity check failed (3), the hash chain is broken (4), the tables differ from a replay of the journal (5), an entry is dated before the one it follows (6), the file does not hold the record the \fB\-\-fingerprint\fR was printed for (7).
.SH "SEE ALSO"
\fBgavel\-open\fR(1), \fBgavel\-export\fR(1), \fBgavel\-followup\fR(1), \fBgavel\-check\fR(1); docs/scripting.md
"#;

/// The same in Vietnamese.
pub(super) const MAN_SECTIONS_VI: &str = r#".SH "BIẾN MÔI TRƯỜNG"
.TP
\fBGAVEL_AS\fR
Tên của bạn trong nhật ký (như \fB\-\-as\fR).
.TP
\fBGAVEL_ROLE\fR
Vai trò: chair (chủ trì), secretary (thư ký) hoặc observer (theo dõi) (như \fB\-\-role\fR).
.TP
\fBGAVEL_LANG\fR
Ngôn ngữ: en hoặc vi (như \fB\-\-lang\fR).
.TP
\fBGAVEL_CONFIG\fR
Tệp cấu hình đọc thay cho tệp thường dùng; tệp phải có.
.TP
\fBNO_COLOR\fR
Khi có giá trị: không tô màu trên màn hình (\fB\-\-color always\fR vẫn tô).
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
Ngôn ngữ, khi \fB\-\-lang\fR, \fBGAVEL_LANG\fR và tệp cấu hình đều không nói.
.SH "TỆP"
.TP
\fICUỘC_HỌP\fR.gavel
Cuộc họp: một tệp SQLite giữ nhật ký mọi thay đổi và hồ sơ rút ra từ đó.
.TP
\fICUỘC_HỌP\fR.gavel\-wal, \fICUỘC_HỌP\fR.gavel\-shm
Các tệp SQLite đặt cạnh cuộc họp đang mở; ai mở cuộc họp cũng phải ghi được vào thư mục chứa nó.
.TP
~/.config/gavel/config.toml
Tệp cấu hình (thư mục cấu hình của hệ điều hành; \fBgavel config\fR cho biết ở đâu).
.TP
Tệp khôi phục
Những thay đổi bảng điều khiển chưa ghi được (đĩa đầy, tệp bị khóa quá lâu), cạnh cuộc họp hoặc trong thư mục trạng thái của bạn; \fBgavel recover\fR ghi chúng vào cuộc họp.
.SH "PHÍM TRONG BẢNG ĐIỀU KHIỂN"
\fB?\fR hiện mọi phím vai trò của bạn được dùng. \fBq\fR hoặc \fBCtrl\-C\fR để thoát (mọi thứ đã được lưu). \fBCtrl\-Z\fR tạm dừng gavel và trả lại dấu nhắc lệnh; \fBfg\fR đưa bảng điều khiển trở lại nguyên vẹn, cùng những gì đang gõ dở.
.SH "MÃ THOÁT"
.TP
0
Xong.
.TP
1
Việc không làm được (tệp thiếu hoặc hỏng, bị từ chối, kế hoạch hoặc danh sách sai); với \fBgavel followup \-\-overdue\fR: có việc quá hạn (danh sách vẫn được ghi ra); với \fBgavel doctor\fR: có chỗ cần sửa (lệnh sửa được in ra).
.TP
2
Lỗi cách dùng: tùy chọn không có, thiếu đối số, tệp cấu hình hoặc biến môi trường sai.
.TP
3, 4, 5, 6, 7
\fBgavel check\fR: kiểm tra toàn vẹn của SQLite không đạt (3), chuỗi băm bị đứt (4), các bảng khác với kết quả chạy lại nhật ký (5), có mục ghi thời điểm trước mục liền trước (6), tệp không còn giữ hồ sơ mà mã \fB\-\-fingerprint\fR đã được in cho (7).
.SH "XEM THÊM"
\fBgavel\-open\fR(1), \fBgavel\-export\fR(1), \fBgavel\-followup\fR(1), \fBgavel\-check\fR(1); docs/scripting.md
"#;
