//! The demo's dialogue, first round: the written submissions, four turns
//! from the floor, and the department's answers while more people sign up.

use chrono::NaiveDate;

use super::notes::{FLOOR_WALK_IN, floor_walk_in};
use super::people::*;
use super::script::*;
use crate::domain::*;
use crate::store::StoreError;

/// Item 5 from its first issue to the department's answers to the first
/// round; returns the id of the walk-in who asked for the floor meanwhile.
pub(super) fn first_round(
    s: &mut Script<'_>,
    ids: &[Id; PEOPLE.len()],
    details: &MeetingDetails,
    working_days: &dyn Fn(u32) -> NaiveDate,
    working_days_before: &dyn Fn(u32) -> NaiveDate,
) -> Result<Id, StoreError> {
    let by = |who: usize| Some(ids[who]);
    // Both letters came in during the week before the meeting.
    let dental = s.log_issue(
        ms(37, 40),
        letter(
            issue(
                ids[DENTAL],
                IssueSource::WrittenSubmission,
                IssueCategory::Difficulty,
                FIELD_RADIATION,
                "Gia hạn giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán \
             trong y tế), mã 1.004530.000.00.00.H59",
                "Phòng khám có 01 máy X-quang răng toàn cảnh, giấy phép tiến hành công việc bức xạ \
             sắp hết hạn. Người phụ trách an toàn bức xạ mới được phân công chưa có chứng chỉ \
             nhân viên bức xạ, trong tỉnh chưa có lớp đào tạo. Đề nghị Sở hướng dẫn việc gia hạn \
             giấy phép trong thời gian chờ cấp chứng chỉ và cho biết cơ sở đào tạo gần nhất.",
            ),
            "12/CV-NKNA",
            working_days_before(1),
        ),
    )?;
    // Left open: the biotech company at the floor now raises the same
    // subject, and the department will answer both together.
    s.log_issue(
        ms(38, 10),
        letter(
            issue(
                ids[REFRIGERATION],
                IssueSource::WrittenSubmission,
                IssueCategory::Question,
                FIELD_SCIENCE,
                "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
                "Công ty sản xuất kho lạnh bảo quản nông sản từ kết quả đề tài hợp tác với Trường \
             Đại học Tiền Giang. Đề nghị hướng dẫn cách tính tỷ lệ doanh thu từ sản phẩm hình \
             thành từ kết quả khoa học và công nghệ khi sản phẩm còn dùng linh kiện nhập khẩu, \
             và cho biết các ưu đãi về thuế sau khi được cấp Giấy chứng nhận.",
            ),
            "15/CV-SV",
            working_days_before(3),
        ),
    )?;
    let existing = |who: usize| Speaker::Existing(ids[who]);
    s.run_after_start(
        ms(38, 30),
        request(
            existing(HOSPITAL),
            RequestKind::Normal,
            "Cấp phép sử dụng máy X-quang mới: thời hạn, nộp trực tuyến",
        ),
    )?;
    s.run_after_start(
        ms(38, 45),
        request(
            existing(STEEL),
            RequestKind::Normal,
            "Quyết định xử phạt về nhãn hàng hóa thép cuộn",
        ),
    )?;
    s.run_after_start(
        ms(39, 0),
        request(
            existing(SEAFOOD),
            RequestKind::Normal,
            "Đăng ký hợp đồng chuyển giao công nghệ với đối tác Nhật Bản",
        ),
    )?;
    s.run_after_start(
        ms(39, 20),
        request(
            existing(COOPERATIVE),
            RequestKind::Normal,
            "Đăng ký nhãn hiệu tập thể cho thanh long ruột đỏ",
        ),
    )?;

    // Turn 1: the hospital, 2:50.
    s.run_after_start(ms(40, 0), Command::NextSpeaker)?;
    // Turn 2: the steel company, 3:40, over time.
    s.run_after_start(ms(42, 50), Command::NextSpeaker)?;
    let hospital = s.log_issue(
        ms(43, 0),
        issue(
            ids[HOSPITAL],
            IssueSource::Floor,
            IssueCategory::Question,
            FIELD_RADIATION,
            "Cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong \
             y tế), mã 1.004522.000.00.00.H59",
            "Bệnh viện vừa lắp đặt thêm 01 máy X-quang kỹ thuật số tại khoa Cấp cứu. Đề nghị \
             cho biết thời hạn giải quyết hồ sơ cấp giấy phép, có nộp hồ sơ trực tuyến toàn \
             trình được không, và trong thời gian chờ giấy phép bệnh viện có được sử dụng máy \
             để phục vụ cấp cứu hay không.",
        ),
    )?;
    // Turn 3: the seafood company, paused for 45 s while the one-stop desk
    // looks up the dossier; 2:50 spoken.
    s.run_after_start(ms(46, 30), Command::NextSpeaker)?;
    let steel = s.log_issue(
        ms(46, 45),
        issue(
            ids[STEEL],
            IssueSource::Floor,
            IssueCategory::Difficulty,
            FIELD_STANDARDS,
            "Không phải thủ tục hành chính: quyết định xử phạt vi phạm hành chính về nhãn hàng \
             hóa",
            "Công ty không đồng ý với quyết định xử phạt vi phạm hành chính về ghi nhãn đối với \
             lô thép cuộn, cho rằng nhãn phụ đã thể hiện đủ nội dung bắt buộc; đề nghị Sở xem \
             xét hủy quyết định.",
        ),
    )?;
    s.run_after_start(ms(47, 40), Command::TogglePause)?;
    s.run_after_start(ms(48, 25), Command::TogglePause)?;
    // Turn 4: the cooperative, given one more minute; 3:55 of 4:00.
    s.run_after_start(ms(50, 5), Command::NextSpeaker)?;
    let seafood = s.log_issue(
        ms(50, 20),
        issue(
            ids[SEAFOOD],
            IssueSource::Floor,
            IssueCategory::Question,
            FIELD_TRANSFER,
            "Đăng ký hợp đồng chuyển giao công nghệ, mã 1.005081.000.00.00.H59",
            "Công ty ký hợp đồng nhận chuyển giao dây chuyền cấp đông IQF kèm bí quyết công \
             nghệ từ đối tác Nhật Bản. Đề nghị cho biết hợp đồng có thuộc diện phải đăng ký tại \
             Sở không, hợp đồng bằng tiếng Anh có phải dịch sang tiếng Việt và chứng thực bản \
             dịch không, và có được nộp bổ sung phụ lục hợp đồng sau không.",
        ),
    )?;
    s.run_after_start(ms(52, 55), Command::AddTime { seconds: 60 })?;
    // Nobody else waits: the turn ends and the department answers.
    s.run_after_start(ms(54, 0), Command::NextSpeaker)?;
    let cooperative = s.log_issue(
        ms(54, 15),
        issue(
            ids[COOPERATIVE],
            IssueSource::Floor,
            IssueCategory::Recommendation,
            FIELD_IP,
            "Đăng ký nhãn hiệu tập thể (thẩm quyền của Cục Sở hữu trí tuệ)",
            "Hợp tác xã nộp đơn đăng ký nhãn hiệu tập thể cho thanh long ruột đỏ đã hơn 14 tháng \
             nhưng chưa có kết quả thẩm định nội dung, ảnh hưởng đến hợp đồng xuất khẩu. Đề \
             nghị kiến nghị rút ngắn thời gian thẩm định và hỗ trợ chi phí đăng ký theo chương \
             trình phát triển tài sản trí tuệ của tỉnh.",
        ),
    )?;

    // The department answers the first round; more people sign up meanwhile.
    s.run_after_start(
        ms(54, 30),
        request(
            existing(UNIVERSITY),
            RequestKind::Normal,
            "Đăng ký kết quả nhiệm vụ KH&CN không dùng ngân sách",
        ),
    )?;
    s.answer(
        s.after_start(ms(56, 30)),
        hospital,
        Disposition::Answered,
        by(TECH_HEAD),
        "Thủ tục được tiếp nhận trực tuyến toàn trình trên Cổng Dịch vụ công; thời hạn giải quyết \
         được niêm yết tại Bộ phận Một cửa và trên Cổng, Sở giải quyết trước hạn khi hồ sơ đầy \
         đủ. Thiết bị chỉ được đưa vào sử dụng sau khi được cấp giấy phép; Bệnh viện cần hoàn \
         tất kiểm định thiết bị và đo kiểm tra môi trường làm việc trước khi nộp hồ sơ.",
        "",
    )?;
    s.run_after_start(
        ms(57, 0),
        request(
            existing(CITIZEN),
            RequestKind::Normal,
            "Nộp hồ sơ công bố hợp chuẩn trực tuyến",
        ),
    )?;
    s.answer(
        s.after_start(ms(58, 30)),
        steel,
        Disposition::Redirected,
        by(CHAIR),
        "Nội dung là khiếu nại đối với quyết định hành chính, không thuộc phạm vi đối thoại về \
         thủ tục hành chính. Đề nghị Công ty gửi đơn khiếu nại đến người đã ban hành quyết định \
         trong thời hiệu 90 ngày theo Luật Khiếu nại năm 2011; Văn phòng Sở hướng dẫn việc tiếp \
         nhận đơn.",
        "",
    )?;
    s.answer(
        s.after_start(ms(60, 30)),
        seafood,
        Disposition::WrittenReplyRequired,
        by(TECH_HEAD),
        "Sở tiếp thu. Phạm vi phải đăng ký và thẩm quyền tiếp nhận cần đối chiếu với hợp đồng cụ \
         thể; Phòng Quản lý công nghệ và Chuyên ngành nghiên cứu hồ sơ và trả lời Công ty bằng \
         văn bản.",
        "",
    )?;
    s.run_after_start(
        ms(60, 50),
        action(
            "Trả lời bằng văn bản Công ty Cổ phần Thủy sản Gò Công về đăng ký hợp đồng chuyển \
             giao công nghệ",
            "Phòng Quản lý công nghệ và Chuyên ngành",
            Some(seafood),
            working_days(15),
            ActionStatus::Open,
        ),
    )?;
    // A walk-in: the request puts him on the list, under the request's id.
    let walk_in = s.run_after_start(
        ms(61, 0),
        request(
            Speaker::New {
                name: FLOOR_WALK_IN.0.into(),
                organization: FLOOR_WALK_IN.1.into(),
            },
            RequestKind::Normal,
            "Máy cắt tỉa cành thanh long tự chế: công nhận sáng kiến",
        ),
    )?;
    // The secretary takes down his address for the written reply.
    s.edit_participant(s.after_start(ms(61, 40)), walk_in, floor_walk_in())?;
    s.answer(
        s.after_start(ms(62, 40)),
        cooperative,
        Disposition::Escalated,
        by(SCIENCE_HEAD),
        "Thẩm định đơn đăng ký nhãn hiệu thuộc thẩm quyền của Cục Sở hữu trí tuệ. Sở tiếp thu, \
         tổng hợp kiến nghị gửi Cục xem xét và thông báo kết quả cho Hợp tác xã; việc hỗ trợ chi \
         phí được hướng dẫn theo chương trình phát triển tài sản trí tuệ của tỉnh.",
        "Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ",
    )?;
    s.run_after_start(
        ms(63, 0),
        action(
            "Tổng hợp kiến nghị về thời gian thẩm định đơn nhãn hiệu tập thể, báo cáo Cục Sở hữu \
             trí tuệ",
            "Văn phòng Sở",
            Some(cooperative),
            working_days(5),
            ActionStatus::InProgress,
        ),
    )?;
    s.run_after_start(
        ms(63, 20),
        action(
            "Hướng dẫn Hợp tác xã Thanh long Chợ Gạo lập hồ sơ đề nghị hỗ trợ theo chương trình \
             phát triển tài sản trí tuệ của tỉnh",
            "Huỳnh Minh Trí, Phòng Quản lý khoa học",
            Some(cooperative),
            working_days(10),
            ActionStatus::Open,
        ),
    )?;
    s.answer(
        s.after_start(ms(64, 0)),
        dental,
        Disposition::WrittenReplyRequired,
        by(TECH_HEAD),
        "Ý kiến gửi bằng văn bản, Phòng khám không dự Hội nghị. Trong thời gian chờ chứng chỉ, \
         Phòng khám cử người đã có chứng chỉ nhân viên bức xạ phụ trách an toàn; lớp đào tạo gần \
         nhất do cơ sở được Bộ Khoa học và Công nghệ cấp phép tổ chức tại Cần Thơ. Sở trả lời \
         Phòng khám bằng văn bản trong thời hạn của Kế hoạch.",
        "",
    )?;
    s.run_after_start(
        ms(64, 20),
        action(
            "Trả lời bằng văn bản Phòng khám Nha khoa Ngọc Ánh về gia hạn giấy phép tiến hành \
             công việc bức xạ",
            "Nguyễn Thị Kim Loan, Phòng Quản lý công nghệ và Chuyên ngành",
            Some(dental),
            // The reply's deadline: counted from the letter, received the
            // working day before the meeting.
            working_days(details.reply_working_days - 1),
            ActionStatus::Open,
        ),
    )?;
    Ok(walk_in)
}
