# shellcheck shell=bash
# Shared by the benchmarks that need news articles (pages.sh, api.sh): source it.
#
# The articles: recipe $1 holds envelopes $2..$3. Unique Vietnamese titles (topic, place, number:
# the slug is the title folded to ASCII, so unique too), a summary, a ~2 KB body of five paragraphs,
# the province's seven news categories in turn, publication dates spread over six years.
write_articles_recipe() {
    awk -v from="$2" -v to="$3" 'BEGIN {
        nt = split("Hội nghị triển khai nhiệm vụ phát triển kinh tế|Kiểm tra tiến độ xây dựng nông thôn mới|Tổng kết công tác cải cách hành chính|Đối thoại với doanh nghiệp về thủ tục đầu tư|Hướng dẫn tiêm chủng mở rộng cho trẻ em|Khánh thành trường học đạt chuẩn quốc gia|Phát động phong trào thi đua yêu nước|Tập huấn chuyển đổi số cho cán bộ cấp xã|Thông báo lịch tiếp công dân định kỳ|Ra mắt mô hình dân vận khéo|Công bố quy hoạch sử dụng đất|Đón nhận bằng công nhận di tích lịch sử|Phòng chống thiên tai và tìm kiếm cứu nạn|Giải ngân vốn đầu tư công|Hỗ trợ hộ nghèo xây dựng nhà ở|Hội thi tìm hiểu pháp luật về đất đai", T, "|")
        np = split("huyện Đông Sơn|xã Hồng Hà|phường Quang Trung|thị trấn Yên Lạc|xã Tân Phú|huyện Bắc Bình|xã Thượng Lâm|phường Điện Biên|xã Mường Lát|huyện Vĩnh Lộc|xã Cẩm Thủy|thành phố An Hòa", P, "|")
        nc = split("chinh-tri|kinh-te|van-hoa-xa-hoi|tin-trong-tinh|tin-trong-nuoc|thong-bao|thong-cao-bao-chi", C, "|")
        na = split("Minh Anh|Quốc Huy|Thu Trang|Hoàng Nam|Lan Phương|Đức Thắng", A, "|")
        nb = split("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, các sở, ban, ngành và địa phương đã chủ động xây dựng kế hoạch, phân công nhiệm vụ cụ thể cho từng cơ quan, đơn vị, bảo đảm tiến độ và chất lượng công việc được giao.|Qua kiểm tra thực tế, đoàn công tác ghi nhận nhiều kết quả tích cực: hạ tầng giao thông được cải thiện, đời sống vật chất và tinh thần của nhân dân từng bước được nâng lên, an ninh trật tự được giữ vững.|Tuy nhiên, việc triển khai vẫn còn một số khó khăn, vướng mắc về nguồn vốn, mặt bằng thi công và thủ tục hành chính; một số chỉ tiêu đạt thấp so với kế hoạch đề ra đầu năm.|Phát biểu kết luận, đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh đề nghị các đơn vị tiếp tục rà soát, tháo gỡ khó khăn, tăng cường phối hợp và thường xuyên báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh.|Người dân có thể gửi ý kiến góp ý qua Cổng thông tin điện tử của tỉnh, qua đường dây nóng hoặc trực tiếp tại Trung tâm Phục vụ hành chính công trong giờ hành chính các ngày làm việc.", B, "|")
        printf "{\n  \"name\": \"bench-articles-%d-%d\",\n  \"displayName\": \"Bài viết thử nghiệm %d-%d\",\n", from, to, from, to
        printf "  \"description\": \"Benchmark articles (tests/bench/pages.sh).\",\n  \"issetuprecipe\": false,\n"
        printf "  \"steps\": [\n    {\n      \"name\": \"content\",\n      \"items\": [\n"
        for (i = from; i <= to; i++) {
            place = P[int(i / nt) % np + 1]
            title = sprintf("%s tại %s, bài số %05d", T[i % nt + 1], place, i)
            body = ""
            for (k = 0; k < 6; k++) body = body sprintf("<p>%s</p>", B[(i + k) % nb + 1])
            body = body sprintf("<p>Bài số %05d.</p>", i)
            mins = i * 97
            printf "        {\"type\": \"news\", \"id\": \"bench-%05d\", \"published\": true, \"fields\": {\"title\": \"%s\", \"summary\": \"%s: %s\", \"body\": \"%s\", \"category\": \"%s\", \"author\": \"%s\", \"source\": \"Cổng TTĐT tỉnh An Hòa\", \"publishedAt\": \"%04d-%02d-%02dT%02d:%02d:00+07:00\"}}%s\n", \
                i, title, place, B[i % nb + 1], body, C[i % nc + 1], A[i % na + 1], \
                2020 + int(i / 2000) % 6, int(i / 28) % 12 + 1, i % 28 + 1, int(mins / 60) % 24, mins % 60, (i < to ? "," : "")
        }
        printf "      ]\n    }\n  ]\n}\n"
    }' >"$1"
}

