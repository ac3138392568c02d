//! The demo's dialogue, second round, and the moment `now`: a speaker at
//! the floor and four waiting.

use chrono::{NaiveDate, TimeDelta};

use super::CURRENT_TURN_SECONDS;
use super::people::*;
use super::script::*;
use crate::domain::*;
use crate::store::StoreError;

/// Item 5 from the second round to `now`.
pub(super) fn second_round(
    s: &mut Script<'_>,
    ids: &[Id; PEOPLE.len()],
    walk_in: Id,
    working_days: &dyn Fn(u32) -> NaiveDate,
    now: Timestamp,
) -> Result<(), StoreError> {
    let existing = |who: usize| Speaker::Existing(ids[who]);

    // Second round: the university (1:30), the citizen (2:20), the walk-in
    // (2:40).
    s.run_after_start(ms(65, 0), Command::NextSpeaker)?;
    s.run_after_start(ms(66, 30), Command::NextSpeaker)?;
    let university = s.log_issue(
        ms(66, 45),
        issue(
            ids[UNIVERSITY],
            IssueSource::Floor,
            IssueCategory::Question,
            FIELD_SCIENCE,
            "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà \
             nước",
            "Trường có 03 đề tài cấp cơ sở tự tài trợ đã nghiệm thu; đề nghị hướng dẫn hồ sơ \
             đăng ký kết quả thực hiện nhiệm vụ và thời hạn phải đăng ký.",
        ),
    )?;
    s.answer(
        s.after_start(ms(67, 10)),
        university,
        Disposition::Withdrawn,
        None,
        "Đại biểu rút lại ý kiến: nội dung đã được phổ biến tại phần giới thiệu thủ tục hành \
         chính mới và trong tài liệu phát tại Hội nghị.",
        "",
    )?;
    s.run_after_start(ms(68, 50), Command::NextSpeaker)?;
    let citizen = s.log_issue(
        ms(69, 5),
        issue(
            ids[CITIZEN],
            IssueSource::Floor,
            IssueCategory::Difficulty,
            FIELD_STANDARDS,
            "Tiếp nhận hồ sơ công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân \
             sản xuất, kinh doanh, mã 1.000047.000.00.00.H59",
            "Cơ sở nộp hồ sơ công bố hợp chuẩn ống nhựa trực tuyến nhưng hệ thống báo tệp đính \
             kèm quá dung lượng và yêu cầu chữ ký số, trong khi cơ sở chưa có chữ ký số. Đề nghị \
             hướng dẫn cách nộp và cho phép nộp hồ sơ giấy song song.",
        ),
    )?;
    s.run_after_start(ms(71, 30), Command::NextSpeaker)?;
    let invention = s.log_issue(
        ms(71, 45),
        issue(
            walk_in,
            IssueSource::Floor,
            IssueCategory::Initiative,
            FIELD_SCIENCE,
            "Công nhận sáng kiến; đăng ký sáng chế, giải pháp hữu ích",
            "Ông tự chế tạo máy cắt tỉa cành thanh long chạy pin, đã dùng thử trên 2 ha vườn, \
             giảm một nửa công lao động. Đề nghị được hướng dẫn thủ tục công nhận sáng kiến hoặc \
             đăng ký bảo hộ, và được hỗ trợ nhân rộng cho nông dân trong tỉnh.",
        ),
    )?;
    s.run_after_start(
        ms(72, 0),
        request(
            existing(BIOTECH),
            RequestKind::Normal,
            "Hồ sơ cấp Giấy chứng nhận doanh nghiệp KH&CN bị yêu cầu bổ sung nhiều lần",
        ),
    )?;
    s.answer(
        s.after_start(ms(73, 0)),
        citizen,
        Disposition::Answered,
        Some(ids[ONE_STOP_DESK]),
        "Đăng nhập Cổng Dịch vụ công bằng tài khoản định danh điện tử; tệp lớn có thể tách \
         thành nhiều tệp; Bộ phận Một cửa hỗ trợ số hóa hồ sơ giấy miễn phí tại Trung tâm Phục vụ hành chính công. Cơ sở vẫn có thể \
         nộp trực tiếp hoặc qua dịch vụ bưu chính công ích.",
        "",
    )?;
    s.run_after_start(
        ms(73, 20),
        action(
            "Hỗ trợ Cơ sở Tư Phát số hóa và nộp trực tuyến hồ sơ công bố hợp chuẩn",
            "Trương Thị Mỹ Duyên, Bộ phận Một cửa",
            Some(citizen),
            working_days(3),
            ActionStatus::InProgress,
        ),
    )?;
    s.run_after_start(
        ms(74, 0),
        request(
            existing(STEEL),
            RequestKind::Normal,
            "Kiến nghị liên thông dữ liệu công bố hợp quy giữa các tỉnh",
        ),
    )?;
    s.answer(
        s.after_start(ms(75, 10)),
        invention,
        Disposition::Answered,
        Some(ids[SCIENCE_HEAD]),
        "Sở hướng dẫn ông lập hồ sơ đề nghị công nhận sáng kiến; đơn đăng ký sáng chế, giải \
         pháp hữu ích nộp tại Cục Sở hữu trí tuệ, Sở hỗ trợ tư vấn lập hồ sơ miễn phí. Phòng \
         Quản lý khoa học sẽ khảo sát thực tế để xem xét \
         đưa vào danh mục hỗ trợ ứng dụng, nhân rộng.",
        "",
    )?;

    // Now: the biotech company has had the floor for 100 s; a reply, a point
    // of order and a guest have joined the queue since.
    let turn_start = now - TimeDelta::seconds(CURRENT_TURN_SECONDS);
    s.run(turn_start, Command::NextSpeaker)?;
    s.run(
        now - TimeDelta::seconds(70),
        request(
            existing(GUEST),
            RequestKind::Normal,
            "Công khai kết quả trả lời phản ánh, kiến nghị trên Cổng Dịch vụ công",
        ),
    )?;
    s.run(
        now - TimeDelta::seconds(55),
        request(
            existing(SCIENCE_HEAD),
            RequestKind::Reply,
            "Trả lời về cách tính tỷ lệ doanh thu từ sản phẩm KH&CN",
        ),
    )?;
    s.run(
        now - TimeDelta::seconds(40),
        Command::LogIssue(issue(
            ids[BIOTECH],
            IssueSource::Floor,
            IssueCategory::Difficulty,
            FIELD_SCIENCE,
            "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
            "Công ty nộp hồ sơ đề nghị cấp Giấy chứng nhận doanh nghiệp khoa học và công \
                 nghệ cho chế phẩm vi sinh xử lý phụ phẩm thanh long; hồ sơ bị yêu cầu bổ sung \
                 hai lần vì chưa chứng minh được quyền sử dụng kết quả nghiên cứu nhận chuyển \
                 giao từ viện. Đề nghị hướng dẫn một lần, đầy đủ các giấy tờ cần bổ sung.",
        )),
    )?;
    s.run(
        now - TimeDelta::seconds(25),
        request(
            existing(CITIZEN),
            RequestKind::PointOfOrder,
            "Đề nghị bố trí thêm micro cho hàng ghế cuối",
        ),
    )?;
    Ok(())
}
