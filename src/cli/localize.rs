//! `--help`, the man page and the completions' descriptions in Vietnamese.
//!
//! The English lives in the clap definitions (`cli/mod.rs`); the Vietnamese is
//! this table, keyed by where each text goes. `localize` walks the command
//! tree and replaces every text; a test walks the same tree and fails when
//! a command, an argument or a value has no Vietnamese here (or when the
//! table holds a key the tree no longer has).

use clap::builder::{PossibleValue, Str, StyledStr};
use clap::{Arg, Command};

use crate::i18n::Lang;

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
         sai); 2 dùng sai lệnh (tham số, tệp cấu hình, biến môi trường); 3, 4, 5 từ gavel check.",
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
         gavel followup doi-thoai.gavel --close-action 2 --ref 45/SKHCN-VP",
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
        "Kiểm tra tệp cuộc họp: toàn vẹn SQLite, chuỗi băm của nhật ký, và các bảng có đúng bằng \
         việc phát lại nhật ký",
    ),
    (
        "after:check",
        "Mã thoát: 0 tốt; 1 không mở được tệp; 3 lỗi toàn vẹn SQLite; 4 chuỗi băm bị đứt; \
         5 các bảng khác với việc phát lại nhật ký.",
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
        "In trang hướng dẫn (roff), ví dụ: gavel man > gavel.1; man ./gavel.1",
    ),
    (
        "about:config",
        "Xem các thiết lập đang dùng và nguồn của từng thiết lập (tệp cấu hình, biến môi \
         trường, tham số dòng lệnh); kèm tham số của bảng điều khiển: những gì `gavel open` \
         sẽ dùng với chúng",
    ),
    ("about:help", "In trợ giúp này hoặc trợ giúp của lệnh con"),
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
         chair, hoặc role trong tệp cấu hình]",
    ),
    (
        "*.name",
        "Tên của bạn trong nhật ký [mặc định: GAVEL_AS, name trong tệp cấu hình, hoặc tên đăng \
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
        "Ngôn ngữ [mặc định: GAVEL_LANG, lang trong tệp cấu hình, hoặc ngôn ngữ hệ thống]",
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
        "new.holidays",
        "Ngày nghỉ lễ không tính là ngày làm việc (dd/mm/yyyy); lặp lại cho từng ngày",
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
        "export.table",
        "Với --format csv: một bảng (mặc định: cả ba, vào thư mục -o)",
    ),
    (
        "export.output",
        "Ghi vào đây thay vì đầu ra chuẩn (một thư mục khi xuất cả ba bảng CSV; bắt buộc với \
         docx)",
    ),
    (
        "import.file",
        "Tệp cuộc họp (với bản xuất JSON: tệp cần tạo)",
    ),
    (
        "import.source",
        "Danh sách đại biểu (.csv, phân cách bằng dấu phẩy hoặc chấm phẩy, UTF-8), kế hoạch \
         (.toml) hoặc bản xuất JSON của cuộc họp (.json)",
    ),
    ("followup.overdue", "Chỉ những việc đã quá hạn"),
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
    ("name:SHELL", "SHELL"),
    ("name:RECOVERY", "TỆP_KHÔI_PHỤC"),
    ("name:N", "N"),
    ("name:COMMAND", "LỆNH"),
];

/// clap's own words in its errors and usage lines (it has no
/// translations): replaced phrase by phrase in what it prints.
const VI_CLAP_PHRASES: &[(&str, &str)] = &[
    ("error: ", "lỗi: "),
    ("Usage: ", "Cách dùng: "),
    ("[OPTIONS]", "[TÙY_CHỌN]"),
    ("For more information, try", "Xem thêm:"),
    ("tip: ", "gợi ý: "),
    ("unexpected argument", "tham số không hợp lệ"),
    ("invalid value", "giá trị không hợp lệ"),
    ("a value is required for", "cần một giá trị cho"),
    ("but none was supplied", "nhưng chưa có"),
    ("unrecognized subcommand", "không có lệnh"),
    (
        "the following required arguments were not provided:",
        "thiếu các tham số bắt buộc:",
    ),
    ("cannot be used with", "không dùng cùng được với"),
    ("possible values:", "giá trị có thể:"),
    ("similar argument exists:", "có tham số gần giống:"),
    ("some similar subcommands exist:", "có lệnh gần giống:"),
    ("a similar subcommand exists:", "có lệnh gần giống:"),
    (" found", ""),
    (" for '", " cho '"),
];

/// What clap prints (help, usage, errors), in `lang`.
pub fn clap_output(text: &str, lang: Lang) -> String {
    let mut text = text.to_string();
    if lang == Lang::Vi {
        for (en, vi) in VI_CLAP_PHRASES {
            text = text.replace(en, vi);
        }
    }
    text
}

/// The man page's section headings.
const VI_MAN_SECTIONS: &[(&str, &str)] = &[
    ("NAME", "TÊN"),
    ("SYNOPSIS", "CÚ PHÁP"),
    ("DESCRIPTION", "MÔ TẢ"),
    ("OPTIONS", "TÙY CHỌN"),
    ("EXTRA", "THÊM"),
    ("VERSION", "PHIÊN BẢN"),
    ("AUTHORS", "TÁC GIẢ"),
];

const VI_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

pub fn vi(key: &str) -> Option<&'static str> {
    VI.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// The text for argument `id` of command `path`: its own, else the one
/// shared by every command.
fn vi_arg(path: &str, id: &str) -> Option<&'static str> {
    vi(&format!("{path}.{id}")).or_else(|| vi(&format!("*.{id}")))
}

/// The command tree with its texts in `lang` (English is the definitions'
/// own). Built first, so the generated `--help`, `--version` and `help`
/// are there to translate too.
pub fn localize(command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let mut command = command;
    command.build();
    localize_command(command, "")
}

fn localize_command(mut command: Command, path: &str) -> Command {
    command = command
        .help_template(VI_TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name(vi("name:COMMAND").unwrap_or("COMMAND"));
    if let Some(about) = vi(&format!("about:{path}")) {
        command = command.about(about);
    }
    command = command.long_about(vi(&format!("long:{path}")));
    if let Some(after) = vi(&format!("after:{path}")) {
        command = command.after_help(after).after_long_help(None::<&str>);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| localize_arg(arg, path));
    }
    if path == "help" {
        return command; // its subcommands are names only
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in subcommands {
        command = command.mut_subcommand(&name, |sub| localize_command(sub, &name));
    }
    command
}

fn localize_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().to_string();
    let mut help = vi_arg(path, &id).map(str::to_string);
    // clap prints "[possible values]" and "[default]" in English: hide
    // them and say it here.
    let values: Vec<PossibleValue> = arg.get_possible_values();
    let is_flag = values
        .iter()
        .all(|v| matches!(v.get_name(), "true" | "false"));
    if !values.is_empty() && !is_flag {
        let listed: Vec<String> = values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| match vi(&format!("value:{id}.{}", v.get_name())) {
                Some(text) => format!("{}: {text}", v.get_name()),
                None => v.get_name().to_string(),
            })
            .collect();
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let mut text = help.unwrap_or_default();
        text.push_str(&format!(" [giá trị: {}]", listed.join("; ")));
        if !defaults.is_empty() {
            text.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
        }
        help = Some(text.trim_start().to_string());
    }
    let names: Option<Vec<Str>> = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| vi(&format!("name:{n}")).map_or_else(|| n.clone(), Str::from))
            .collect()
    });
    let heading = if arg.is_positional() {
        "Đối số"
    } else {
        "Tùy chọn"
    };
    let mut arg = arg;
    if let Some(help) = help {
        arg = arg.help(StyledStr::from(help));
    }
    arg = arg
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true)
        .help_heading(heading);
    if let Some(names) = names
        && arg.get_action().takes_values()
    {
        arg = arg.value_names(names);
    }
    arg
}

/// The man page in `lang`.
pub fn man_page(command: Command, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut command = localize(command, lang);
    if lang == Lang::Vi {
        // clap_mangen titles the subcommands' section with this heading.
        command = command.subcommand_help_heading("LỆNH CON");
    }
    clap_mangen::Man::new(command).render(&mut out)?;
    if lang == Lang::En {
        return Ok(out);
    }
    let mut text = String::from_utf8_lossy(&out).into_owned();
    for (en, vi) in VI_MAN_SECTIONS {
        text = text.replace(&format!(".SH {en}\n"), &format!(".SH {vi}\n"));
    }
    Ok(text.into_bytes())
}

/// Every key the command tree asks for, for the completeness test: about
/// texts, argument helps, value descriptions and value names.
pub fn wanted_keys(command: &Command) -> Vec<String> {
    let mut command = command.clone();
    command.build();
    let mut keys = Vec::new();
    collect_keys(&command, "", &mut keys);
    keys
}

fn collect_keys(command: &Command, path: &str, keys: &mut Vec<String>) {
    if command.get_about().is_some() || path.is_empty() {
        keys.push(format!("about:{path}"));
    }
    if command.get_after_help().is_some() {
        keys.push(format!("after:{path}"));
    }
    for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
        let id = arg.get_id().to_string();
        keys.push(format!("{path}.{id}"));
        for value in arg.get_possible_values() {
            if value.get_help().is_some() {
                keys.push(format!("value:{id}.{}", value.get_name()));
            }
        }
        if arg.get_action().takes_values() {
            for name in arg.get_value_names().unwrap_or_default() {
                keys.push(format!("name:{name}"));
            }
        }
    }
    if path == "help" {
        return;
    }
    for sub in command.get_subcommands() {
        collect_keys(sub, sub.get_name(), keys);
    }
}

/// Whether the table answers `key` (an argument key may be answered by
/// its `*.` form).
pub fn has(key: &str) -> bool {
    if vi(key).is_some() {
        return true;
    }
    match key.split_once('.') {
        Some((path, id)) if !key.contains(':') => vi_arg(path, id).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_argument_and_value_has_vietnamese() {
        let wanted = wanted_keys(&crate::cli::Cli::command());
        let missing: Vec<&String> = wanted.iter().filter(|k| !has(k)).collect();
        assert!(missing.is_empty(), "no Vietnamese for: {missing:?}");
    }

    #[test]
    fn the_table_holds_no_stale_keys() {
        let wanted = wanted_keys(&crate::cli::Cli::command());
        let used = |key: &str| {
            wanted.iter().any(|w| w == key)
                || key == "long:"
                || key == "name:COMMAND"
                || key.strip_prefix("*.").is_some_and(|id| {
                    wanted
                        .iter()
                        .any(|w| !w.contains(':') && w.ends_with(&format!(".{id}")))
                })
        };
        let stale: Vec<&str> = VI.iter().map(|(k, _)| *k).filter(|k| !used(k)).collect();
        assert!(stale.is_empty(), "keys no command has: {stale:?}");
    }

    #[test]
    fn vietnamese_help_is_vietnamese() {
        let mut command = localize(crate::cli::Cli::command(), Lang::Vi);
        let help = command.render_help().to_string();
        assert!(help.contains("Cách dùng:"), "{help}");
        assert!(help.contains("Lệnh"), "{help}");
        assert!(help.contains("Tùy chọn"), "{help}");
        assert!(help.contains("Mở cuộc họp trong bảng điều khiển"), "{help}");
        assert!(!help.contains("Options:"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let export = command.find_subcommand_mut("export").unwrap();
        let help = export.render_help().to_string();
        assert!(
            help.contains("[giá trị: md: Biên bản dạng Markdown"),
            "{help}"
        );
        assert!(!help.contains("possible values"), "{help}");
    }

    #[test]
    fn clap_errors_read_in_vietnamese() {
        let command = localize(crate::cli::Cli::command(), Lang::Vi);
        let error = command
            .try_get_matches_from(["gavel", "export", "x.gavel", "--format", "pdf"])
            .unwrap_err();
        let text = clap_output(&error.render().to_string(), Lang::Vi);
        assert!(
            text.contains("lỗi: giá trị không hợp lệ 'pdf' cho '--format"),
            "{text}"
        );
        assert!(
            text.contains("giá trị có thể: md, docx, json, csv"),
            "{text}"
        );
        let command = localize(crate::cli::Cli::command(), Lang::Vi);
        let error = command
            .try_get_matches_from(["gavel", "export", "--format", "md"])
            .unwrap_err();
        let text = clap_output(&error.render().to_string(), Lang::Vi);
        assert!(text.contains("thiếu các tham số bắt buộc:"), "{text}");
        assert!(text.contains("Cách dùng: gavel export --format"), "{text}");
    }
}
